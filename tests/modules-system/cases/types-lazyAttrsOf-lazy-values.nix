# source: NixOS manual, Option Types: lazyAttrsOf "values are evaluated lazily" (an unused failing value does not fail)
# expect: 2
with import ../harness.nix;
(config [
  { options.x = mkOption { type = types.lazyAttrsOf types.int; }; }
  { x.a = throw "never evaluated"; x.b = 2; }
]).x.b
