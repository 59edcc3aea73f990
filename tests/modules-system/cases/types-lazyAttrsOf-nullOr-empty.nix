# source: nixpkgs lib/types.nix lazyAttrsOf: with an element type that has an empty value (nullOr), a mkIf false attribute reads as that value
# expect: { a = null; b = 2; }
with import ../harness.nix;
(config [
  { options.x = mkOption { type = types.lazyAttrsOf (types.nullOr types.int); }; }
  { x.a = mkIf false 1; x.b = 2; }
]).x
