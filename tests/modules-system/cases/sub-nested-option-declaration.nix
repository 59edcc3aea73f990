# source: nixpkgs lib/modules.nix mergeModules': options declared below a submodule option are added to that submodule
# expect: { a = 1; b = 2; }
with import ../harness.nix;
(config [
  { options.s = mkOption { type = types.submodule { options.a = mkOption { type = types.int; default = 1; }; }; default = { }; }; }
  { options.s.b = mkOption { type = types.int; default = 2; }; }
]).s
