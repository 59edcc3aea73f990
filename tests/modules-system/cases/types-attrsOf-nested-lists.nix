# source: NixOS manual, Option Types: attrsOf merges per attribute with the element type (lists concatenated)
# expect: { a = [ 1 2 ]; b = [ 3 ]; }
with import ../harness.nix;
(config [
  { options.x = mkOption { type = types.attrsOf (types.listOf types.int); }; }
  { x.a = mkBefore [ 1 ]; x.b = [ 3 ]; }
  { x.a = [ 2 ]; }
]).x
