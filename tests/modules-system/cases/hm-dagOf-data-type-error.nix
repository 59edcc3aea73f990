# source: Home Manager lib/types-dag.nix: entry data is checked against the element type
# expect-error: A definition for option `activation.x.data' is not of type `string'.
with import ../harness.nix;
(config [
  { options.activation = mkOption { type = lib.hm.types.dagOf types.str; }; }
  { activation.x = lib.hm.dag.entryAnywhere 42; }
]).activation.x.data
