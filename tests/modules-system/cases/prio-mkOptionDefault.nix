# source: nixpkgs lib/modules.nix: mkOptionDefault = mkOverride 1500, the priority of option defaults
# expect-error: The option `x' has conflicting definition values:
with import ../harness.nix;
(config [
  { options.x = mkOption { type = types.int; default = 1; }; }
  { x = mkOptionDefault 2; }
]).x
