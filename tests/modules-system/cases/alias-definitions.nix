# source: nixpkgs lib/modules.nix mkAliasDefinitions: forwards the definitions of one option to another
# expect: [ "b" "a" ]
with import ../harness.nix;
(config [
  { options.src = mkOption { type = types.listOf types.str; default = [ ]; };
    options.dst = mkOption { type = types.listOf types.str; default = [ ]; }; }
  ({ options, ... }: { dst = lib.mkAliasDefinitions options.src; })
  { src = [ "a" ]; }
  { src = [ "b" ]; }
]).dst
