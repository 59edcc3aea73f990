# Small options of Home Manager's core that configurations set and hearth accepts.
#
# Owns: `programs.home-manager.enable` and `.path`, `manual.manpages.enable`,
# `manual.html.enable`, `manual.json.enable`, `nixpkgs.config`, `nixpkgs.overlays`,
# `nixpkgs.system`, `submoduleSupport.*`, and `lib` (the `config.lib` set modules put helpers
# in: `config.lib.shell`, `config.lib.dag`).
{ config, lib, ... }:

let
  inherit (lib) mkOption mkEnableOption types;
in
{
  options = {
    programs.home-manager = {
      enable = mkEnableOption "Home Manager";
      path = mkOption {
        type = types.nullOr types.str;
        default = null;
        example = "$HOME/devel/home-manager";
        description = "The default path to use for Home Manager.";
      };
    };

    manual = {
      manpages.enable = mkOption {
        type = types.bool;
        default = true;
        example = false;
        description = "Whether to install the configuration manual page.";
      };
      html.enable = mkOption {
        type = types.bool;
        default = false;
        description = "Whether to install the HTML manual.";
      };
      json.enable = mkOption {
        type = types.bool;
        default = false;
        description = "Whether to install a JSON formatted list of all Home Manager options.";
      };
    };

    nixpkgs = {
      config = mkOption {
        type = types.nullOr (types.attrsOf types.anything);
        default = null;
        example = { allowBroken = true; allowUnfree = true; };
        description = "The configuration of the Nix Packages collection.";
      };
      overlays = mkOption {
        # Each overlay is taken as written (merging its result as `anything` would walk into
        # the packages it returns).
        type = types.nullOr (types.listOf (lib.mkOptionType {
          name = "nixpkgs-overlay";
          description = "nixpkgs overlay";
          check = lib.isFunction;
          merge = lib.mergeOneOption;
        }));
        default = null;
        description = "List of overlays to use with the Nix Packages collection.";
      };
      system = mkOption {
        type = types.str;
        default = builtins.currentSystem;
        defaultText = lib.literalExpression "builtins.currentSystem";
        description = "The system to build for.";
      };
    };

    submoduleSupport = {
      enable = mkOption {
        type = types.bool;
        default = false;
        internal = true;
        description = "Whether Home Manager is used as a NixOS or nix-darwin submodule.";
      };
      externalPackageInstall = mkOption {
        type = types.bool;
        default = false;
        internal = true;
        description = "Whether packages are installed outside Home Manager.";
      };
    };

    lib = mkOption {
      type = types.attrsOf types.attrs;
      default = { };
      description = "This option allows modules to define helper functions, constants, etc.";
    };
  };

  config.lib = {
    shell = lib.hm.shell;
    dag = lib.hm.dag;
  };
}
