# source: nixpkgs lib/modules.nix applyModuleArgs: specialArgs are looked up before config._module.args
# expect: "special"
with import ../harness.nix;
(lib.evalModules {
  specialArgs.flavour = "special";
  modules = [
    { _module.args.flavour = "from _module.args"; }
    ({ flavour, ... }: { options.x = mkOption { type = types.str; default = flavour; }; })
  ];
}).config.x
