# source: NixOS manual, Option Definitions: "option defaults have priority 1500"; mkDefault is 1000
# expect: "mkDefault"
with import ../harness.nix;
(config [
  { options.x = mkOption { type = types.str; default = "default"; }; }
  { x = mkDefault "mkDefault"; }
]).x
