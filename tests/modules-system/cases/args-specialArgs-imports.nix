# source: nixpkgs lib/modules.nix evalModules: specialArgs are available while resolving imports (unlike _module.args)
# expect: [ "vim" ]
with import ../harness.nix;
(lib.evalModules {
  specialArgs.extraModules = [ ./modules/packages.nix ./modules/adds-vim.nix ];
  modules = [ ({ extraModules, ... }: { imports = extraModules; }) ];
}).config.packages
