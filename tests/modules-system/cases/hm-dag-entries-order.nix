# source: Home Manager lib/dag.nix: entriesAfter keeps the list order after the given entry when sorted
# expect: [ "base" "p-0" "p-1" "p-2" ]
with import ../harness.nix;
let d = lib.hm.dag; in
map (e: e.name) (d.topoSort ({ base = d.entryAnywhere "b"; } // d.entriesAfter "p" [ "base" ] [ 1 2 3 ])).result
