# source: Home Manager lib/dag.nix: entriesAnywhere TAG LIST chains the list as TAG-0, TAG-1, ..., each after the previous, with no other constraint; an empty list gives no entries
# expect: { empty = { }; entries = { t-0 = { after = [ ]; before = [ ]; data = "x"; }; t-1 = { after = [ "t-0" ]; before = [ ]; data = "y"; }; t-2 = { after = [ "t-1" ]; before = [ ]; data = "z"; }; }; order = [ "t-0" "t-1" "t-2" ]; }
with import ../harness.nix;
let
  d = lib.hm.dag;
  entries = d.entriesAnywhere "t" [ "x" "y" "z" ];
in
{
  inherit entries;
  empty = d.entriesAnywhere "t" [ ];
  order = map (e: e.name) (d.topoSort entries).result;
}
