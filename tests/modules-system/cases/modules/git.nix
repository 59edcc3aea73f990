# A module file imported by the import cases.
{ config, lib, ... }:
{
  options.programs.git.enable = lib.mkEnableOption "git";
  options.programs.git.userName = lib.mkOption { type = lib.types.str; default = "nobody"; };
  config.packages = lib.mkIf config.programs.git.enable [ "git" ];
}
