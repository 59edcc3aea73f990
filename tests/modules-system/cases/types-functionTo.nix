# source: NixOS manual, Option Types: types.functionTo t "the results of multiple definitions are merged" with t
# expect: [ "X-b" "X-a" ]
with import ../harness.nix;
(config [
  { options.f = mkOption { type = types.functionTo (types.listOf types.str); }; }
  { f = x: [ "${x}-a" ]; }
  { f = x: [ "${x}-b" ]; }
]).f "X"
