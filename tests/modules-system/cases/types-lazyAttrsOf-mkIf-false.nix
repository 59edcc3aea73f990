# source: nixpkgs lib/types.nix lazyAttrsOf comment: `foo.attr = mkIf false 10` makes `foo ? attr == true`, and accessing it throws
# expect: { has = true; }
with import ../harness.nix;
let c = config [
  { options.x = mkOption { type = types.lazyAttrsOf types.int; }; }
  { x.a = mkIf false 1; }
]; in { has = c.x ? a; }
