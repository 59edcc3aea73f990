# xdg: the XDG base directories and the files placed in them.
#
# Owns: `xdg.enable`, `xdg.configHome`, `xdg.dataHome`, `xdg.stateHome`, `xdg.cacheHome`
# (defaults under the home directory, as Home Manager's), `xdg.configFile`, `xdg.dataFile`,
# `xdg.stateFile`, `xdg.cacheFile` (each file goes to `home.file` under its directory), and,
# with `xdg.enable`, the session variables XDG_CACHE_HOME, XDG_CONFIG_HOME, XDG_DATA_HOME and
# XDG_STATE_HOME.
{ config, lib, pkgs, ... }:

let
  inherit (lib) mkOption types;

  cfg = config.xdg;
  homeDirectory = config.home.homeDirectory;
  fileType = import ./file-type.nix { inherit homeDirectory lib pkgs; };

  dirOption = what: default: mkOption {
    type = types.path;
    apply = toString;
    defaultText = "~/${lib.removePrefix "${homeDirectory}/" default}";
    description = "Absolute path to directory holding ${what}.";
  };

  defaults = {
    cacheHome = "${homeDirectory}/.cache";
    configHome = "${homeDirectory}/.config";
    dataHome = "${homeDirectory}/.local/share";
    stateHome = "${homeDirectory}/.local/state";
  };

  fileOption = opt: dirName: mkOption {
    type = fileType { inherit opt; basePathDesc = "{var}`xdg.${dirName}`"; basePath = cfg.${dirName}; };
    default = { };
    description = "Attribute set of files to link into the user's {var}`xdg.${dirName}` directory.";
  };

  # A file of xdg.*File as a home.file definition under its directory. Only what was set is
  # passed on, so that home.file makes the source from the text itself.
  toHomeFile = dir: name: f:
    lib.nameValuePair "${cfg.${dir}}/${name}" ({
      inherit (f) enable target executable recursive force ignorelinks onChange text origin;
    } // lib.optionalAttrs (!f.sourceIsText) { inherit (f) source; });

  filesOf = opt: dir: lib.mapAttrs' (toHomeFile dir) cfg.${opt};
in
{
  options.xdg = {
    enable = lib.mkEnableOption "management of XDG base directories";
    cacheHome = dirOption "user-specific non-essential data files" defaults.cacheHome;
    configHome = dirOption "user-specific configuration files" defaults.configHome;
    dataHome = dirOption "user-specific data files" defaults.dataHome;
    stateHome = dirOption "user-specific state files" defaults.stateHome;
    configFile = fileOption "xdg.configFile" "configHome";
    dataFile = fileOption "xdg.dataFile" "dataHome";
    stateFile = fileOption "xdg.stateFile" "stateHome";
    cacheFile = fileOption "xdg.cacheFile" "cacheHome";
  };

  config = lib.mkMerge [
    {
      xdg.cacheHome = lib.mkOptionDefault defaults.cacheHome;
      xdg.configHome = lib.mkOptionDefault defaults.configHome;
      xdg.dataHome = lib.mkOptionDefault defaults.dataHome;
      xdg.stateHome = lib.mkOptionDefault defaults.stateHome;

      home.file = lib.mkMerge [
        (filesOf "configFile" "configHome")
        (filesOf "dataFile" "dataHome")
        (filesOf "stateFile" "stateHome")
        (filesOf "cacheFile" "cacheHome")
      ];
    }
    (lib.mkIf cfg.enable {
      home.sessionVariables = {
        XDG_CACHE_HOME = cfg.cacheHome;
        XDG_CONFIG_HOME = cfg.configHome;
        XDG_DATA_HOME = cfg.dataHome;
        XDG_STATE_HOME = cfg.stateHome;
      };
    })
  ];
}
