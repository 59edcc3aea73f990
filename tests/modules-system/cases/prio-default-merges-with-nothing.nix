# source: NixOS manual, Option Definitions: a default (priority 1500) is discarded once anything defines the option
# expect: [ "a" ]
with import ../harness.nix;
(config [
  { options.l = mkOption { type = types.listOf types.str; default = [ "dflt" ]; }; }
  { l = [ "a" ]; }
]).l
