# source: NixOS manual, Option Types: types.attrsOf t "Multiple definitions are merged according to the value"
# expect: { a = 1; b = 2; }
with import ../harness.nix;
(config [
  { options.x = mkOption { type = types.attrsOf types.int; }; }
  { x.a = 1; }
  { x.b = 2; }
]).x
