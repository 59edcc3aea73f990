# source: Home Manager lib/dag.nix: entriesBefore TAG BEFORE LIST chains the list as TAG-0, TAG-1, ..., the last one before BEFORE; a single entry is entryBefore BEFORE
# expect: { entries = { p-0 = { after = [ ]; before = [ ]; data = 1; }; p-1 = { after = [ "p-0" ]; before = [ "base" ]; data = 2; }; }; one = { p-0 = { after = [ ]; before = [ "base" ]; data = 1; }; }; order = [ "p-0" "p-1" "base" "z" ]; }
with import ../harness.nix;
let
  d = lib.hm.dag;
  entries = d.entriesBefore "p" [ "base" ] [ 1 2 ];
in
{
  inherit entries;
  one = d.entriesBefore "p" [ "base" ] [ 1 ];
  order = map (e: e.name) (d.topoSort ({ base = d.entryAnywhere "b"; z = d.entryAfter [ "base" ] "z"; } // entries)).result;
}
