# source: NixOS manual, Option Types: types.nullOr t "null or type t"
# expect: { a = null; b = 3; }
with import ../harness.nix;
config [
  { options.a = mkOption { type = types.nullOr types.int; default = null; };
    options.b = mkOption { type = types.nullOr types.int; default = null; }; }
  { b = 3; }
]
