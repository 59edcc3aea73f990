# source: Home Manager lib/types-dag.nix: with a submodule element type, entries' submodules get the entry name as `dagName` (`name` is "data")
# expect: { data = { label = "greet:data"; }; }
with import ../harness.nix;
let
  sub = types.submodule ({ name, dagName, ... }: {
    options.label = mkOption { type = types.str; default = "${dagName}:${name}"; };
  });
  c = config [
    { options.steps = mkOption { type = lib.hm.types.dagOf sub; }; }
    { steps.greet = lib.hm.dag.entryAnywhere { }; }
  ];
in { inherit (c.steps.greet) data; }
