# source: NixOS manual, Option Declarations: a readOnly option set once keeps that value
# expect: 2
with import ../harness.nix;
(config [
  { options.x = mkOption { type = types.int; readOnly = true; }; }
  { x = 2; }
]).x
