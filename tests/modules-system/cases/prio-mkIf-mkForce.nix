# source: NixOS manual, Option Definitions: properties nest, e.g. mkIf cond (mkForce value)
# expect: "forced"
with import ../harness.nix;
(config [
  { options.x = mkOption { type = types.str; }; }
  { x = "plain"; }
  { x = mkIf true (mkForce "forced"); }
  { x = mkIf false (mkOverride 10 "ignored"); }
]).x
