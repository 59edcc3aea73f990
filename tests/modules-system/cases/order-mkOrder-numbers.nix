# source: NixOS manual, Option Definitions, Ordering Definitions: mkOrder priorities sort definitions, mkBefore = 500, mkAfter = 1500, default 1000
# expect: [ "a" "b" "c" "d" "e" ]
with import ../harness.nix;
(config [
  { options.l = mkOption { type = types.listOf types.str; }; }
  { l = mkOrder 2000 [ "e" ]; }
  { l = mkAfter [ "d" ]; }
  { l = [ "c" ]; }
  { l = mkBefore [ "b" ]; }
  { l = mkOrder 10 [ "a" ]; }
]).l
