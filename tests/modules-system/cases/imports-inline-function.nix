# source: NixOS manual, Writing NixOS Modules: a module may be a function of { config, pkgs, lib, ... }
# expect: [ "from-function" ]
with import ../harness.nix;
(config [
  ./modules/packages.nix
  { imports = [ ({ lib, ... }: { packages = lib.mkAfter [ "from-function" ]; }) ]; }
]).packages
