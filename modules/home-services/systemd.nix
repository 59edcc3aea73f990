# The systemd part of a modular service (`_class = "service"`), with the option names of
# NixOS's modular services, so that service modules written for NixOS load unchanged.
#
# Owns: `systemd.services` and `systemd.sockets` (units as deferred NixOS-style unit modules,
# evaluated with ./unit.nix when home.services lifts them), the aliases `systemd.service` and
# `systemd.socket` for the unit named "" (the service's primary unit, named after the service),
# `systemd.mainExecStart` (the primary unit's ExecStart, `process.argv` quoted for systemd by
# default), `systemd.lib` (`escapeSystemdExecArg(s)`), the primary unit's defaults, and
# placeholders for the unit kinds that are not modelled (timers, paths, ...), so that using
# them is an error saying so (./default.nix) rather than "option does not exist".
{ lib, config, ... }:

let
  inherit (lib) mkDefault mkIf mkOption types;

  # One argument of an Exec*= line: a double-quoted C-style string (JSON's escapes are a subset
  # of what systemd accepts), with `%` and `$` doubled so that systemd substitutes neither
  # specifiers nor variables: the program gets exactly the text given.
  escapeSystemdExecArg = arg:
    let
      text =
        if builtins.isString arg then arg
        else if builtins.isPath arg || lib.isDerivation arg then "${arg}"
        else if builtins.isInt arg || builtins.isFloat arg then toString arg
        else throw "systemd.lib.escapeSystemdExecArg: only strings, paths, numbers and derivations can be arguments";
    in
    lib.replaceStrings [ "%" "$" ] [ "%%" "$$" ] (builtins.toJSON text);
  escapeSystemdExecArgs = args: lib.concatMapStringsSep " " escapeSystemdExecArg args;

  # The store files of the enabled configData entries: a change to one changes the unit.
  configDataTriggers = map (entry: "${entry.source}")
    (lib.filter (entry: entry.enable) (lib.attrValues config.configData));

  unmodelled = [ "timers" "paths" "targets" "slices" "mounts" "automounts" ];
in
{
  _class = "service";

  imports = [
    (lib.mkAliasOptionModule [ "systemd" "service" ] [ "systemd" "services" "" ])
    (lib.mkAliasOptionModule [ "systemd" "socket" ] [ "systemd" "sockets" "" ])
  ];

  options.systemd = {
    lib = mkOption {
      type = types.lazyAttrsOf types.raw;
      readOnly = true;
      description = ''
        Functions for writing units: `escapeSystemdExecArgs [ "/bin/echo" "100%" ]` is
        `"/bin/echo" "100%%"`, one command line that systemd passes on unchanged (no specifier
        or variable substitution); `escapeSystemdExecArg` quotes one argument.
      '';
    };

    mainExecStart = mkOption {
      type = types.str;
      default = escapeSystemdExecArgs config.process.argv;
      defaultText = lib.literalExpression "config.systemd.lib.escapeSystemdExecArgs config.process.argv";
      description = ''
        The primary unit's main ExecStart= command line. By default `process.argv`, quoted so
        that systemd substitutes nothing; set it to use specifiers (`%n`, `%t`) or `''${VAR}`.
      '';
    };

    services = mkOption {
      type = types.lazyAttrsOf types.deferredModule;
      default = { };
      description = ''
        Service units, as NixOS-style unit modules (`wantedBy`, `after`, `serviceConfig`,
        `environment`, `script`, ...). The unit `""` is the service's primary unit, named after
        the service; another is named `SERVICE-NAME`. Home Manager evaluates them when it writes
        the units, so their values cannot be read here.
      '';
    };

    sockets = mkOption {
      type = types.lazyAttrsOf types.deferredModule;
      default = { };
      description = "Socket units, named like `systemd.services` (`listenStreams`, `socketConfig`, ...).";
    };
  } // lib.genAttrs unmodelled (kind: mkOption {
    type = types.lazyAttrsOf types.deferredModule;
    default = { };
    internal = true;
    description = "Not modelled under home.services: defining one is an error.";
  });

  # Sub-services get the same systemd options.
  options.services = mkOption {
    type = types.attrsOf (types.submoduleWith {
      class = "service";
      modules = [ ./systemd.nix ];
    });
  };

  config = {
    systemd.lib = { inherit escapeSystemdExecArg escapeSystemdExecArgs; };

    # Note that this is this service's unit, not Home Manager's systemd.user.services.
    systemd.services."" = {
      wantedBy = mkDefault [ "default.target" ];
      serviceConfig = {
        Type = mkDefault "simple";
        Restart = mkDefault "always";
        RestartSec = mkDefault "5";
        ExecStart = [ config.systemd.mainExecStart ];
      };
      unitConfig.X-Reload-Triggers = mkIf (configDataTriggers != [ ]) configDataTriggers;
    };
  };
}
