# source: nixpkgs lib/modules.nix mergeDefinitions: an option without default whose only definition is mkIf false has no value
# expect-error: The option `x' was accessed but has no value defined. Try setting the option.
with import ../harness.nix;
(config [
  { options.x = mkOption { type = types.int; }; }
  { x = mkIf false 1; }
]).x
