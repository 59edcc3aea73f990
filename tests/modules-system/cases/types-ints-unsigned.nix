# source: NixOS manual, Option Types: types.ints.unsigned "An unsigned integer, that is >= 0"
# expect: { n = 0; }
with import ../harness.nix;
config [
  { options.n = mkOption { type = types.ints.unsigned; }; }
  { n = 0; }
]
