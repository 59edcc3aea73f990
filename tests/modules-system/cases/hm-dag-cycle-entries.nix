# source: Home Manager lib/dag.nix topoSort documentation: cycle entries carry after, data and name
# expect: { after = [ "a" "c" ]; data = "2"; name = "b"; }
with import ../harness.nix;
let d = lib.hm.dag; in
builtins.head (d.topoSort {
  a = d.entryAnywhere "1";
  b = d.entryAfter [ "a" "c" ] "2";
  c = d.entryAfter [ "d" ] "3";
  d = d.entryAfter [ "b" ] "4";
  e = d.entryAnywhere "5";
}).cycle
