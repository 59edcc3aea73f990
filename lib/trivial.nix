# lib.trivial: small combinators, booleans, numbers, warnings and the
# release information.  Names, arguments and results follow nixpkgs' lib
# (release 26.11); the code is hearth's own.
{ lib }:
let
  inherit (builtins) isInt isFunction isAttrs genList length elemAt;
in
rec {
  ## Functions

  id = x: x;
  const = x: _: x;
  # Apply the functions of the list in order, feeding each result onward.
  pipe = builtins.foldl' (value: f: f value);
  flip = f: a: b: f b a;
  concat = x: y: x ++ y;

  ## Booleans

  or = x: y: x || y;
  and = x: y: x && y;
  xor = x: y: (!x) != (!y);
  boolToString = b: if b then "true" else "false";

  ## Bit operations (Nix has them as builtins)

  inherit (builtins) bitAnd bitOr bitXor;
  bitNot = builtins.sub (-1);

  ## Attribute and nullable helpers

  mergeAttrs = x: y: x // y;
  defaultTo = default: maybeValue: if maybeValue != null then maybeValue else default;
  mapNullable = f: a: if a == null then a else f a;

  ## Builtins re-exported by nixpkgs' trivial.nix

  inherit (builtins)
    pathExists readFile isBool isInt isFloat add sub lessThan seq deepSeq
    genericClosure;
  isString = builtins.isString;

  ## Numbers

  min = x: y: if x < y then x else y;
  max = x: y: if x > y then x else y;
  # Integer remainder with the sign of the dividend (like C's %).
  mod = base: int: base - (int * (builtins.div base int));
  compare = a: b: if a < b then -1 else if a > b then 1 else 0;
  splitByAndCompare = p: yes: no: a: b:
    if p a then (if p b then yes a b else -1)
    else if p b then 1
    else no a b;

  # Digits of a non-negative integer in the given base, most significant first.
  toBaseDigits = base: i:
    let
      go = n: acc:
        if n < base then [ n ] ++ acc
        else go (n / base) ([ (n - (n / base) * base) ] ++ acc);
    in
    assert base >= 2;
    assert i >= 0;
    go i [ ];

  toHexString = i:
    let
      digit = d: builtins.substring d 1 "0123456789ABCDEF";
    in
    builtins.concatStringsSep "" (map digit (toBaseDigits 16 i));

  fromHexString = str:
    let
      m = builtins.match "(0x)?([0-9A-Fa-f]+)" str;
      digits = elemAt m 1;
      values = {
        "0" = 0; "1" = 1; "2" = 2; "3" = 3; "4" = 4; "5" = 5; "6" = 6; "7" = 7;
        "8" = 8; "9" = 9; a = 10; b = 11; c = 12; d = 13; e = 14; f = 15;
        A = 10; B = 11; C = 12; D = 13; E = 14; F = 15;
      };
      n = builtins.stringLength digits;
    in
    if m == null then throw "Invalid hexadecimal string: ${str}"
    else builtins.foldl' (acc: i: acc * 16 + values.${builtins.substring i 1 digits}) 0 (genList (i: i) n);

  ## Release information

  release = lib.strings.fileContents ./.version;
  oldestSupportedRelease = 2605;
  isInOldestRelease = release: release <= oldestSupportedRelease;
  oldestSupportedReleaseIsAtLeast = release: release <= oldestSupportedRelease;
  codeName = "Yarara";
  versionSuffix =
    let suffixFile = ./.version-suffix;
    in if builtins.pathExists suffixFile then lib.strings.fileContents suffixFile else "pre-git";
  revisionWithDefault = default: default;
  version = release + versionSuffix;
  nixpkgsVersion = warn "lib.nixpkgsVersion is a deprecated alias of lib.version." version;

  ## Environment

  inNixShell = builtins.getEnv "IN_NIX_SHELL" != "";
  inPureEvalMode = !(builtins ? currentSystem);

  ## Files

  importJSON = path: builtins.fromJSON (builtins.readFile path);
  importTOML = path: builtins.fromTOML (builtins.readFile path);

  ## Warnings and errors

  # builtins.warn exists since Nix 2.23; before that, print through trace
  # with the same prefix current Nix uses.
  warn =
    if builtins ? warn then builtins.warn
    else
      msg:
      let
        abortOnWarn = builtins.elem (builtins.getEnv "NIX_ABORT_ON_WARN") [ "1" "true" "yes" ];
      in
      if abortOnWarn then
        builtins.trace "[1;31mevaluation warning:[0m ${msg}"
          (abort "NIX_ABORT_ON_WARN=true; warnings are treated as unrecoverable errors.")
      else
        builtins.trace "[1;35mevaluation warning:[0m ${msg}";
  warnIf = cond: msg: if cond then warn msg else x: x;
  warnIfNot = cond: msg: if cond then x: x else warn msg;
  throwIf = cond: msg: if cond then throw msg else x: x;
  throwIfNot = cond: msg: if cond then x: x else throw msg;
  checkListOfEnum = msg: valid: given:
    let
      unexpected = lib.lists.subtractLists valid given;
    in
    throwIfNot (unexpected == [ ])
      "${msg}: ${builtins.concatStringsSep ", " (map builtins.toString unexpected)} unexpected; valid ones: ${builtins.concatStringsSep ", " (map builtins.toString valid)}";
  info = msg: builtins.trace "INFO: ${msg}";
  showWarnings = warnings: res: lib.lists.foldr (w: x: warn w x) res warnings;

  ## Function reflection (aware of __functor attribute sets)

  functionArgs = f:
    if f ? __functor
    then f.__functionArgs or (functionArgs (f.__functor f))
    else builtins.functionArgs f;
  setFunctionArgs = f: args: {
    __functor = self: f;
    __functionArgs = args;
  };
  isFunction = f: builtins.isFunction f || (f ? __functor && isFunction (f.__functor f));
  toFunction = v: if isFunction v then v else _: v;
  mirrorFunctionArgs = f:
    let fArgs = functionArgs f;
    in g: setFunctionArgs g fArgs;
}
