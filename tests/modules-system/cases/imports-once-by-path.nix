# source: nixpkgs lib/modules.nix collectModules: a module imported several times (same path, same key) is used once
# expect: [ "vim" ]
with import ../harness.nix;
(config [
  ./modules/packages.nix
  { imports = [ ./modules/adds-vim.nix ./modules/packages.nix ]; }
  { imports = [ ./modules/adds-vim.nix ]; }
]).packages
