# source: NixOS manual, Option Types: types.anything "attribute sets are merged recursively"
# expect: { a = { b = 1; c = 2; }; d = true; }
with import ../harness.nix;
(config [
  { options.x = mkOption { type = types.anything; }; }
  { x.a.b = 1; x.d = true; }
  { x.a.c = 2; }
]).x
