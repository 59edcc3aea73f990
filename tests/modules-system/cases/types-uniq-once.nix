# source: NixOS manual, Option Types: types.uniq t "Ensures that type t cannot be merged. It is used to ensure option definitions are declared only once."
# expect: [ 1 2 ]
with import ../harness.nix;
(config [
  { options.x = mkOption { type = types.uniq (types.listOf types.int); }; }
  { x = [ 1 2 ]; }
]).x
