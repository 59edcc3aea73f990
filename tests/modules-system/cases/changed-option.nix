# source: nixpkgs lib/modules.nix mkChangedOptionModule: the new option is computed from the config of the old one
# expect: { level = 9; warnings = [ "The option `compress' defined in `/user.nix' has been changed to `level' that has a different type. Please read `level' documentation and update your configuration accordingly." ]; }
with import ../harness.nix;
let c = config [
  { options.warnings = mkOption { type = types.listOf types.str; default = [ ]; };
    options.level = mkOption { type = types.int; default = 1; }; }
  (lib.mkChangedOptionModule [ "compress" ] [ "level" ] (config: if config.compress then 9 else 0))
  { _file = "/user.nix"; compress = true; }
]; in { inherit (c) level warnings; }
