# A small Home-Manager-like module set for the integration cases: home.file
# entries (target defaults to the attribute name, text merged as lines),
# programs.git writing a file when enabled, activation steps as a DAG, and
# dconf settings as GVariant values.
{ config, lib, ... }:
let
  inherit (lib) mkOption mkIf mkEnableOption types;
  cfg = config.programs.git;
in
{
  options.home.file = mkOption {
    type = types.attrsOf (types.submodule ({ name, config, ... }: {
      options.target = mkOption { type = types.str; };
      options.text = mkOption { type = types.nullOr types.lines; default = null; };
      options.enable = mkOption { type = types.bool; default = true; };
      config.target = lib.mkDefault name;
    }));
    default = { };
  };
  options.home.activation = mkOption { type = lib.hm.types.dagOf types.str; default = { }; };
  options.dconf.settings = mkOption { type = types.attrsOf (types.attrsOf lib.hm.types.gvariant); default = { }; };
  options.programs.git = {
    enable = mkEnableOption "Git";
    userName = mkOption { type = types.nullOr types.str; default = null; };
    aliases = mkOption { type = types.attrsOf types.str; default = { }; };
  };
  config = mkIf cfg.enable {
    home.file.".config/git/config".text =
      lib.concatStringsSep "\n" ([ "[user]" "  name = ${cfg.userName}" ]
        ++ lib.optionals (cfg.aliases != { }) ([ "[alias]" ] ++ lib.mapAttrsToList (n: v: "  ${n} = ${v}") cfg.aliases));
    home.activation.gitCheck = lib.hm.dag.entryAfter [ "writeBoundary" ] "git --version";
  };
}
