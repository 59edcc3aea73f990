# source: NixOS manual, Option Types: types.anything "Other values are not merged ... multiple definitions must be equal"
# expect: { l = [ 1 2 ]; }
with import ../harness.nix;
(config [
  { options.x = mkOption { type = types.anything; }; }
  { x.l = [ 1 2 ]; }
  { x.l = [ 1 2 ]; }
]).x
