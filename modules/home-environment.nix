# home-environment: who the home belongs to and what its session looks like.
#
# Owns: `home.username`, `home.homeDirectory`, `home.stateVersion` (the releases Home Manager
# accepts), `home.packages`, `home.sessionVariables`, `home.sessionPath`,
# `home.sessionSearchVariables`, `home.sessionVariablesExtra`, `home.language`,
# `home.keyboard`, `home.activation` (a DAG of shell snippets), `home.enableNixpkgsReleaseCheck`,
# `home.profileDirectory`, and the text of `hm-session-vars.sh` (`home.sessionVariablesText`),
# written as Home Manager 25.05 writes it:
#
#   # Only source this once.
#   if [ -n "$__HM_SESS_VARS_SOURCED" ]; then return; fi
#   export __HM_SESS_VARS_SOURCED=1
#
#   export NAME="value"            (one per variable, in name order)
#   export PATH="a:b${PATH:+:}$PATH"  (one per search variable; sessionPath is PATH's)
#   EXTRA                           (home.sessionVariablesExtra)
{ config, lib, pkgs, ... }:

let
  inherit (lib) mkOption mkDefault types literalExpression;

  cfg = config.home;

  stateVersions = [
    "18.09" "19.03" "19.09" "20.03" "20.09" "21.03" "21.05" "21.11" "22.05" "22.11"
    "23.05" "23.11" "24.05" "24.11" "25.05" "25.11"
  ];

  languageOption = description: mkOption {
    type = types.nullOr types.str;
    default = null;
    inherit description;
  };

  languageVars = {
    base = "LANG";
    address = "LC_ADDRESS";
    collate = "LC_COLLATE";
    ctype = "LC_CTYPE";
    measurement = "LC_MEASUREMENT";
    messages = "LC_MESSAGES";
    monetary = "LC_MONETARY";
    name = "LC_NAME";
    numeric = "LC_NUMERIC";
    paper = "LC_PAPER";
    telephone = "LC_TELEPHONE";
    time = "LC_TIME";
  };

  shell = lib.hm.shell;

  searchVars = cfg.sessionSearchVariables;

  sessionVarsText =
    ''
      # Only source this once.
      if [ -n "$__HM_SESS_VARS_SOURCED" ]; then return; fi
      export __HM_SESS_VARS_SOURCED=1

      ${shell.exportAll cfg.sessionVariables}
    ''
    + lib.concatStrings (lib.mapAttrsToList
      (n: v: shell.export n (shell.prependToVar ":" n v) + "\n") searchVars)
    + cfg.sessionVariablesExtra;
in
{
  options.home = {
    username = mkOption {
      type = types.str;
      example = "jane.doe";
      description = "The user's username.";
    };

    homeDirectory = mkOption {
      type = types.path;
      apply = toString;
      example = "/home/jane.doe";
      description = "The user's home directory. Must be an absolute path.";
    };

    stateVersion = mkOption {
      type = types.enum stateVersions;
      description = ''
        It is occasionally necessary for Home Manager to change configuration defaults in a way
        that is incompatible with stateful data. This option tells Home Manager which release's
        defaults to keep. Set it once, when you first use Home Manager, and do not change it.
      '';
    };

    profileDirectory = mkOption {
      type = types.str;
      internal = true;
      readOnly = true;
      description = "The profile directory where Home Manager generations are installed.";
    };

    language = lib.mapAttrs (n: _: languageOption "The ${n} locale category.") languageVars;

    keyboard = mkOption {
      type = types.nullOr (types.submodule {
        options = {
          layout = mkOption { type = types.nullOr types.str; default = null; description = "Keyboard layout."; };
          model = mkOption { type = types.nullOr types.str; default = null; description = "Keyboard model."; };
          options = mkOption { type = types.listOf types.str; default = [ ]; description = "X keyboard options."; };
          variant = mkOption { type = types.nullOr types.str; default = null; description = "X keyboard variant."; };
        };
      });
      default = { };
      description = "Keyboard configuration. Set to null to disable keyboard management.";
    };

    sessionVariables = mkOption {
      type = with types; lazyAttrsOf (oneOf [ str path int float ]);
      default = { };
      example = { EDITOR = "emacs"; GS_OPTIONS = "-sPAPERSIZE=a4"; };
      description = ''
        Environment variables to always set at login. The values may refer to other
        environment variables using POSIX.2 style variable references.
      '';
    };

    sessionPath = mkOption {
      type = types.listOf types.str;
      default = [ ];
      example = [ "$HOME/.local/bin" "\${xdg.configHome}/emacs/bin" ];
      description = "Extra directories to prepend to {env}`PATH`.";
    };

    sessionSearchVariables = mkOption {
      type = types.attrsOf (types.listOf types.str);
      default = { };
      example = { MANPATH = [ "$HOME/.npm-packages/man" ]; };
      description = "Extra directories to prepend to search path variables such as {env}`MANPATH`.";
    };

    sessionVariablesExtra = mkOption {
      type = types.lines;
      default = "";
      internal = true;
      description = "Extra configuration to add to the {file}`hm-session-vars.sh` file.";
    };

    sessionVariablesText = mkOption {
      type = types.str;
      internal = true;
      readOnly = true;
      description = "The text of {file}`hm-session-vars.sh`.";
    };

    packages = mkOption {
      type = types.listOf types.package;
      default = [ ];
      description = "The set of packages to appear in the user environment.";
    };

    extraOutputsToInstall = mkOption {
      type = types.listOf types.str;
      default = [ ];
      description = "Additional package outputs of {option}`home.packages` to install.";
    };

    activation = mkOption {
      type = lib.hm.types.dagOf types.str;
      default = { };
      example = literalExpression ''
        {
          myActivationAction = lib.hm.dag.entryAfter ["writeBoundary"] '''
            run ln -s $VERBOSE_ARG ''${builtins.toPath ./link-me-directly} $HOME
          ''';
        }
      '';
      description = ''
        The activation scripts blocks to run when activating a Home Manager generation. Any
        entry here should be idempotent. Blocks with side effects must come after the
        `writeBoundary` block.
      '';
    };

    enableNixpkgsReleaseCheck = mkOption {
      type = types.bool;
      default = true;
      description = "Whether to check that the Nixpkgs and Home Manager releases match.";
    };

    emptyActivationPath = mkOption {
      type = types.bool;
      default = true;
      internal = true;
      description = "Whether the activation script starts with an empty {env}`PATH`.";
    };
  };

  config = {
    assertions = [
      { assertion = cfg.username != ""; message = "Username could not be determined"; }
      { assertion = cfg.homeDirectory != ""; message = "Home directory could not be determined"; }
    ];

    home.profileDirectory = cfg.homeDirectory + "/.nix-profile";

    home.sessionVariables = lib.mapAttrs' (n: v: lib.nameValuePair v (mkDefault cfg.language.${n}))
      (lib.filterAttrs (n: _: cfg.language.${n} != null) languageVars);

    home.sessionSearchVariables = lib.mkIf (cfg.sessionPath != [ ]) { PATH = cfg.sessionPath; };

    home.sessionVariablesText = sessionVarsText;

    # Markers for the steps the activation engine does itself, placed where Home Manager's
    # DAG places them so that user snippets can be ordered against them.
    home.activation = {
      writeBoundary = lib.hm.dag.entryAnywhere "";
      installPackages = lib.hm.dag.entryAfter [ "writeBoundary" ] "";
    };
  };
}
