# source: NixOS manual, Option Definitions: mkIf false definitions are dropped; listOf merges each entry on its own
# expect: [ 1 3 ]
with import ../harness.nix;
(config [
  { options.l = mkOption { type = types.listOf types.int; }; }
  { l = [ 1 (mkIf false 2) 3 ]; }
]).l
