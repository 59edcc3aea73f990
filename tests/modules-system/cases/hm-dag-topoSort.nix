# source: Home Manager lib/dag.nix topoSort documentation example (result)
# expect: { result = [ { data = "1"; name = "a"; } { data = "3"; name = "c"; } { data = "2"; name = "b"; } { data = "4"; name = "d"; } { data = "5"; name = "e"; } ]; }
with import ../harness.nix;
let d = lib.hm.dag; in
d.topoSort {
  a = d.entryAnywhere "1";
  b = d.entryAfter [ "a" "c" ] "2";
  c = d.entryBefore [ "d" ] "3";
  d = d.entryBefore [ "e" ] "4";
  e = d.entryAnywhere "5";
}
