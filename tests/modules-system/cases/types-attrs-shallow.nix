# source: NixOS manual, Option Types: types.attrs "A free-form attribute set ... merged shallowly"
# expect: { a = 1; b = 2; }
with import ../harness.nix;
(config [
  { options.x = mkOption { type = types.attrs; }; }
  { x = { a = 1; }; }
  { x = { b = 2; }; }
]).x
