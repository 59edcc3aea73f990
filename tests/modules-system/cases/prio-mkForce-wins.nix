# source: NixOS manual, Option Definitions, Setting Priorities: mkForce = mkOverride 50
# expect: "forced"
with import ../harness.nix;
(config [
  { options.x = mkOption { type = types.str; }; }
  { x = mkForce "forced"; }
  { x = "plain"; }
]).x
