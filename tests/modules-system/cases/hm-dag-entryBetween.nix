# source: Home Manager lib/dag.nix (manual "Activation"): entryBetween BEFORE AFTER DATA is an entry that must come after AFTER and before BEFORE
# expect: { entry = { after = [ "a" ]; before = [ "b" ]; data = "x"; }; order = [ "a" "m" "b" ]; }
with import ../harness.nix;
let d = lib.hm.dag; in
{
  entry = d.entryBetween [ "b" ] [ "a" ] "x";
  order = map (e: e.name) (d.topoSort {
    b = d.entryAnywhere 2;
    m = d.entryBetween [ "b" ] [ "a" ] 3;
    a = d.entryAnywhere 1;
  }).result;
}
