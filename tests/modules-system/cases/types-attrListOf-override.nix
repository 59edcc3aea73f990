# source: nixpkgs lib/types.nix attrListOf: per name only the definitions of the highest override priority are kept; asAttrs collects values by name
# expect: { asAttrs = { a = [ 5 ]; b = [ 2 3 ]; }; list = [ { a = 5; } { b = 2; } ]; }
with import ../harness.nix;
let
  list = (config [
    { options.l = mkOption { type = types.attrListOf types.int; }; }
    { l = [ { a = 1; } { b = 2; } ]; }
    { l = { a = mkForce 5; }; }
  ]).l;
  asAttrs = (config [
    { options.s = mkOption { type = types.attrListWith { elemType = types.int; asAttrs = true; }; }; }
    { s = [ { a = 5; } { b = 2; } { b = 3; } ]; }
  ]).s;
in { inherit list asAttrs; }
