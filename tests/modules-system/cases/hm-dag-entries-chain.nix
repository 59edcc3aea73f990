# source: Home Manager manual/lib dag.nix: entriesBetween tag chains entries named TAG-0, TAG-1, ... in list order
# expect: { x-0 = { after = [ "start" ]; before = [ ]; data = "one"; }; x-1 = { after = [ "x-0" ]; before = [ "end" ]; data = "two"; }; }
with import ../harness.nix;
lib.hm.dag.entriesBetween "x" [ "end" ] [ "start" ] [ "one" "two" ]
