# launchd agents (macOS): the `launchd.*` options of Home Manager's launchd module.
#
# Owns: `launchd.enable` and `launchd.agents.<name>` (`enable`, and `config`, the agent's
# launchd.plist(5) keys, with `Label` defaulting to "org.nix-community.home.<name>"), and the
# text of each enabled agent's plist, in `launchd.agentFiles` ("LABEL.plist" = text) for the
# generation to hold in its LaunchAgents directory (modules/generation.nix puts them in the
# spec's `launchAgents`); on activation src/services/launchd.c copies them into
# ~/Library/LaunchAgents and loads them (docs/design/services.md). launchd.enable defaults to
# pkgs.stdenv.hostPlatform.isDarwin, so on Linux configured agents are rendered nowhere.
#
# As Home Manager does now, an agent's program runs through /bin/sh after /bin/wait4path has
# seen the store, because launchd may start agents before the store's volume is mounted.
{ config, lib, ... }:

let
  inherit (lib) filterAttrs mapAttrs' mkDefault mkEnableOption mkOption optional optionals types;

  cfg = config.launchd;

  agentModule = { name, ... }: {
    options = {
      enable = mkEnableOption name;
      config = mkOption {
        type = types.submodule {
          freeformType = types.attrsOf types.anything;
          options = {
            Label = mkOption {
              type = types.str;
              description = "The job's unique name in launchd.";
            };
            Program = mkOption {
              type = types.nullOr types.str;
              default = null;
              description = "The program to run; the first of ProgramArguments when null.";
            };
            ProgramArguments = mkOption {
              type = types.nullOr (types.listOf types.str);
              default = null;
              description = "The program and its arguments.";
            };
          };
        };
        default = { };
        example = {
          ProgramArguments = [ "/usr/bin/say" "Good afternoon" ];
          StartCalendarInterval = [{ Hour = 12; Minute = 0; }];
        };
        description = "Define a launchd job. See launchd.plist(5) for details.";
      };
    };
    config.config.Label = mkDefault "org.nix-community.home.${name}";
  };

  # The agent's keys with its program wrapped to wait for the store first.
  wrapped = agent:
    let
      args = optional (agent.Program != null) agent.Program
        ++ optionals (agent.ProgramArguments != null) agent.ProgramArguments;
    in
    removeAttrs agent [ "Program" "ProgramArguments" ]
    // optionalProgram args;
  optionalProgram = args:
    if args == [ ] then { }
    else {
      ProgramArguments = [
        "/bin/sh"
        "-c"
        "/bin/wait4path ${builtins.storeDir} && exec ${lib.escapeShellArgs args}"
      ];
    };

  enabled = filterAttrs (_: agent: agent.enable) cfg.agents;
in
{
  options.launchd = {
    enable = mkOption {
      type = types.bool;
      # Home Manager's default: whether the host platform is macOS. pkgs is read through
      # _module.args so that the module also evaluates where no pkgs is given (then the
      # system Nix runs on decides).
      default =
        let pkgs = config._module.args.pkgs or null; in
        if pkgs != null then pkgs.stdenv.hostPlatform.isDarwin or false
        else builtins ? currentSystem && lib.hasSuffix "darwin" builtins.currentSystem;
      defaultText = lib.literalExpression "pkgs.stdenv.hostPlatform.isDarwin";
      description = "Whether to enable Home Manager to define per-user daemons by making use of launchd's LaunchAgents.";
    };

    agents = mkOption {
      type = types.attrsOf (types.submodule agentModule);
      default = { };
      description = "Define LaunchAgents.";
    };

    agentFiles = mkOption {
      type = types.attrsOf types.str;
      internal = true;
      readOnly = true;
      description = "The plist text of each enabled agent, by file name (LABEL.plist).";
    };
  };

  config.launchd.agentFiles =
    if cfg.enable then
      mapAttrs' (_: agent: {
        name = "${agent.config.Label}.plist";
        value = lib.generators.toPlist { escape = true; } (wrapped agent.config);
      }) enabled
    else { };
}
