# source: Home Manager manual (home.activation, type "DAG of string"): plain values become entries that go anywhere
# expect: { description = "DAG of string"; order = [ "first" "second" "third" ]; }
with import ../harness.nix;
let
  d = lib.hm.dag;
  e = eval [
    { options.activation = mkOption { type = lib.hm.types.dagOf types.str; default = { }; }; }
    { activation.third = d.entryAfter [ "second" ] "3"; }
    { activation.second = d.entryAfter [ "first" ] "2"; activation.first = "1"; }
  ];
in { description = e.options.activation.type.description; order = map (x: x.name) (d.topoSort e.config.activation).result; }
