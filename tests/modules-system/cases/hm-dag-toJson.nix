# source: Home Manager lib/dag.nix toJson documentation example (depth 1: the DAG in sorted order, its values as they are)
# expect: "{\"a\":\"1\",\"c\":\"3\",\"b\":\"2\",\"d\":\"4\",\"e\":{\"f\":{\"after\":[\"x\"],\"before\":[\"y\"],\"data\":\"z\"}}}"
with import ../harness.nix;
let d = lib.hm.dag; in
d.toJson 1 {
  a = d.entryAnywhere "1";
  b = d.entryAfter [ "a" "c" ] "2";
  c = d.entryBefore [ "d" ] "3";
  d = d.entryBefore [ "e" ] "4";
  e = d.entryAnywhere { f = { after = [ "x" ]; before = [ "y" ]; data = "z"; }; };
}
