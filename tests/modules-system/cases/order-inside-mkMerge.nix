# source: NixOS manual, Option Definitions: mkMerge combines definitions; mkBefore applies inside it
# expect: "start\nbody"
with import ../harness.nix;
(config [
  { options.script = mkOption { type = types.lines; }; }
  { script = mkMerge [ "body" (mkBefore "start") ]; }
]).script
