# source: NixOS manual, Option Declarations: apply "a function ... applied to the value of the option"
# expect: 10
with import ../harness.nix;
(config [
  { options.x = mkOption { type = types.int; apply = v: v * 2; }; }
  { x = 5; }
]).x
