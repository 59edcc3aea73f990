# source: NixOS manual, Option Types: types.bool "A boolean, its values can be true or false."
# expect: { x = true; }
with import ../harness.nix;
config [
  { options.x = mkOption { type = types.bool; }; }
  { x = true; }
]
