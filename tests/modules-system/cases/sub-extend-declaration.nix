# source: NixOS manual, Option Types, Extending submodules: declaring the option again with another submodule adds its options
# expect: { enable = true; port = 80; }
with import ../harness.nix;
(config [
  { options.srv = mkOption { type = types.submodule { options.enable = mkEnableOption "srv"; }; }; }
  { options.srv = mkOption { type = types.submodule { options.port = mkOption { type = types.port; default = 80; }; }; }; }
  { srv.enable = true; }
]).srv
