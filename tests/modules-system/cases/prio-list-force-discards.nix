# source: NixOS manual, Option Definitions: lower-priority definitions are discarded, even for mergeable types
# expect: [ "only" ]
with import ../harness.nix;
(config [
  { options.l = mkOption { type = types.listOf types.str; default = [ "dflt" ]; }; }
  { l = [ "a" ]; }
  { l = mkForce [ "only" ]; }
]).l
