# source: NixOS manual, Option Types: types.listOf t "Multiple definitions are merged with list concatenation"
# expect: [ 0 1 2 3 ]
with import ../harness.nix;
(config [
  { options.l = mkOption { type = types.listOf types.int; }; }
  { l = mkAfter [ 3 ]; }
  { l = [ 1 2 ]; }
  { l = mkBefore [ 0 ]; }
]).l
