# source: NixOS manual, Replace Modules: `disabledModules` removes a module (given by path) from the evaluation
# expect: [ ]
with import ../harness.nix;
(config [
  ./modules/packages.nix
  ./modules/adds-vim.nix
  { disabledModules = [ ./modules/adds-vim.nix ]; }
]).packages
