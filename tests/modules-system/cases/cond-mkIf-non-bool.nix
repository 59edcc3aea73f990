# source: nixpkgs lib/modules.nix dischargeProperties: a condition must be a Boolean
# expect-error: ‘mkIf’ called with a non-Boolean condition
with import ../harness.nix;
(config [
  { options.x = mkOption { type = types.int; default = 0; }; }
  { x = mkIf "yes" 1; }
]).x
