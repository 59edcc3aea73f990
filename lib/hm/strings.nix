# String helpers of Home Manager's `lib.hm.strings`.
#
# Owns: storeFileName (a store-safe name for a home file: "hm_" followed by
# the path's characters that are letters, digits or one of + . _ ? =), the
# systemd Exec argument quoting, and the case conversions.
{ lib }:

let
  inherit (builtins)
    concatStringsSep elemAt filter isList isString match replaceStrings split
    stringLength substring toJSON;
  isSafe = c: match "[a-zA-Z0-9+._?=]" c != null;
  chars = s: builtins.genList (i: substring i 1 s) (stringLength s);
  lowerFirst = c: replaceStrings
    [ "A" "B" "C" "D" "E" "F" "G" "H" "I" "J" "K" "L" "M" "N" "O" "P" "Q" "R" "S" "T" "U" "V" "W" "X" "Y" "Z" ]
    [ "a" "b" "c" "d" "e" "f" "g" "h" "i" "j" "k" "l" "m" "n" "o" "p" "q" "r" "s" "t" "u" "v" "w" "x" "y" "z" ] c;
in
rec {
  storeFileName = path: "hm_" + concatStringsSep "" (filter isSafe (chars path));

  escapeSystemdExecArg = arg:
    let
      s =
        if builtins.isPath arg then "${arg}"
        else if isString arg then arg
        else if builtins.isInt arg || builtins.isFloat arg
          || (builtins.isAttrs arg && (arg.type or null) == "derivation") then toString arg
        else throw "escapeSystemdExecArg only allows strings, paths, numbers and derivations";
    in
    replaceStrings [ "%" "$" ] [ "%%" "$$" ] (toJSON s);
  escapeSystemdExecArgs = args: concatStringsSep " " (map escapeSystemdExecArg args);

  toCaseWithSeparator = separator: s:
    let
      converted = concatStringsSep "" (map (p: if isString p then p else separator + lowerFirst (elemAt p 0))
        (split "([A-Z])" s));
      n = stringLength separator;
    in
    if substring 0 n converted == separator then substring n (-1) converted else converted;
  toSnakeCase = toCaseWithSeparator "_";
  toKebabCase = toCaseWithSeparator "-";
  isCamelCase = s: match "[a-z]+([A-Z][a-z0-9]*)+" s != null;
  isPascalCase = s: match "[A-Z][a-z0-9]*([A-Z][a-z0-9]*)*" s != null;
  isSnakeCase = s: match "[a-z0-9]+(_[a-z0-9]+)*" s != null;
  isKebabCase = s: match "[a-z0-9]+(-[a-z0-9]+)*" s != null;
  isScreamingSnakeCase = s: match "[A-Z0-9]+(_[A-Z0-9]+)*" s != null;
}
