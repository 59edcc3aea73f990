# source: nixpkgs lib/types.nix lazyAttrsOf comment: with attrsOf, `foo.attr = mkIf false 10` leaves `foo ? attr` false
# expect: { has = false; value = { b = 2; }; }
with import ../harness.nix;
let c = config [
  { options.x = mkOption { type = types.attrsOf types.int; }; }
  { x.a = mkIf false 1; x.b = 2; }
]; in { has = c.x ? a; value = c.x; }
