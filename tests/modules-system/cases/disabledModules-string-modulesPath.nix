# source: NixOS manual, Replace Modules: a string in disabledModules is relative to modulesPath (specialArgs.modulesPath)
# expect: [ ]
with import ../harness.nix;
(lib.evalModules {
  specialArgs.modulesPath = ./modules;
  modules = [ ./modules/packages.nix ./modules/adds-vim.nix { disabledModules = [ "adds-vim.nix" ]; } ];
}).config.packages
