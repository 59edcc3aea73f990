# source: nixpkgs lib/modules.nix evalModules: modules receive lib, config, options and _class
# expect: { class = "homeManager"; hasLib = true; optionIsOption = true; }
with import ../harness.nix;
(lib.evalModules {
  class = "homeManager";
  modules = [
    ({ lib, options, _class, ... }: {
      options.out = mkOption { type = types.attrs; };
      config.out = { class = _class; hasLib = lib ? mkOption; optionIsOption = lib.isOption options.out; };
    })
  ];
}).config.out
