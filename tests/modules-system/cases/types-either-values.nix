# source: NixOS manual, Option Types: types.either t1 t2 "Type t1 or type t2"
# expect: { a = 1; b = "two"; }
with import ../harness.nix;
config [
  { options.a = mkOption { type = types.either types.int types.str; };
    options.b = mkOption { type = types.either types.int types.str; }; }
  { a = 1; b = "two"; }
]
