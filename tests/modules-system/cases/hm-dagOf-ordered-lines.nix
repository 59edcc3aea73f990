# source: Home Manager lib/types-dag.nix: a plain value of a DAG entry keeps its mkBefore/mkAfter order when several definitions merge (lines element type)
# expect: { after = [ ]; before = [ ]; data = "first\nsecond"; }
with import ../harness.nix;
(config [
  { options.script = mkOption { type = lib.hm.types.dagOf types.lines; }; }
  { script.step = "second"; }
  { script.step = mkBefore "first"; }
]).script.step
