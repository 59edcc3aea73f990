# source: NixOS manual, Option Types, Submodule: `default = { }` gives the sub-options' defaults
# expect: { enable = false; level = 3; }
with import ../harness.nix;
(config [
  { options.s = mkOption { type = types.submodule { options.enable = mkEnableOption "s"; options.level = mkOption { type = types.int; default = 3; }; }; default = { }; }; }
]).s
