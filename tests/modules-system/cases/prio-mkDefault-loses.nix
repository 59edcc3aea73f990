# source: NixOS manual, Option Definitions, Setting Priorities: mkDefault has priority 1000, plain definitions 100 (lower wins)
# expect: "user"
with import ../harness.nix;
(config [
  { options.x = mkOption { type = types.str; }; }
  { x = mkDefault "module"; }
  { x = "user"; }
]).x
