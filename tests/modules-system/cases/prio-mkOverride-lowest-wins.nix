# source: NixOS manual, Option Definitions: "All option definitions that do not have the lowest priority value are discarded"
# expect: 10
with import ../harness.nix;
(config [
  { options.x = mkOption { type = types.int; }; }
  { x = mkOverride 10 10; }
  { x = mkForce 50; }
  { x = 100; }
]).x
