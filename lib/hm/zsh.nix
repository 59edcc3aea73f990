# Zsh snippets of Home Manager's `lib.hm.zsh`: Nix values as zsh values and
# variable definitions.
#
# Owns: toZshValue (booleans as true/false, strings quoted, lists as zsh
# arrays), define, defineAll, export, exportAll (in name order).
{ lib }:

let
  inherit (builtins) attrNames concatStringsSep isBool isList isString map;
in
rec {
  toZshValue = v:
    if isBool v then (if v then "true" else "false")
    else if isString v then ''"${v}"''
    else if isList v then "(${concatStringsSep " " (map toZshValue v)})"
    else ''"${toString v}"'';

  define = n: v: "${n}=${toZshValue v}";
  defineAll = vars: concatStringsSep "\n" (map (n: define n vars.${n}) (attrNames vars));

  export = n: v: "export ${define n v}";
  exportAll = vars: concatStringsSep "\n" (map (n: export n vars.${n}) (attrNames vars));
}
