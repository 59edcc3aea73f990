# source: Home Manager lib/dag.nix topoSort documentation example (cycle and loops)
# expect: { cycle = [ "b" "c" "d" ]; loops = [ "b" ]; }
with import ../harness.nix;
let
  d = lib.hm.dag;
  r = d.topoSort {
    a = d.entryAnywhere "1";
    b = d.entryAfter [ "a" "c" ] "2";
    c = d.entryAfter [ "d" ] "3";
    d = d.entryAfter [ "b" ] "4";
    e = d.entryAnywhere "5";
  };
in { cycle = map (e: e.name) r.cycle; loops = map (e: e.name) r.loops; }
