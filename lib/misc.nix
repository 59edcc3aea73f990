# lib.misc: old helpers nixpkgs still exports at the top level.
{ lib }:
rec {
  maybeEnv = name: default:
    let value = builtins.getEnv name;
    in if value == "" then default else value;

  defaultMergeArg = x: y: if builtins.isAttrs y then y else (y x);
  defaultMerge = x: y: x // (defaultMergeArg x y);

  # Older configurations still call it; nixpkgs deprecated it in favour of
  # mapAttrsToList.
  mapAttrsFlatten = lib.trivial.warn
    "lib.misc.mapAttrsFlatten is deprecated, please use lib.attrsets.mapAttrsToList instead."
    lib.attrsets.mapAttrsToList;
}
