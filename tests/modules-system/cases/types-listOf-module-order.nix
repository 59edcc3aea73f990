# source: nixpkgs lib/modules.nix evalModules: modules are merged in the reverse of their collected order, so the later module's list comes first
# expect: [ "second" "first" ]
with import ../harness.nix;
(config [
  { options.l = mkOption { type = types.listOf types.str; }; }
  { l = [ "first" ]; }
  { l = [ "second" ]; }
]).l
