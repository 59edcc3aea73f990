# source: NixOS manual, Writing NixOS Modules: imported modules may import further modules
# expect: [ "deep" ]
with import ../harness.nix;
(config [
  { imports = [ { imports = [ { imports = [ ./modules/packages.nix { packages = [ "deep" ]; } ]; } ]; } ]; }
]).packages
