# A NixOS-style unit, as modular services define them in `systemd.services.<name>` and
# `systemd.sockets.<name>`, evaluated on its own and turned into the section form of Home
# Manager's `systemd.user.services` / `systemd.user.sockets` (`{ Unit; Service; Install; }`).
#
# A function of the unit kind ("service" or "socket") giving the module. Owns the NixOS option
# names a unit may use: `enable`, `description`, `documentation`, the dependency lists
# (`requires`, `wants`, `after`, `before`, `bindsTo`, `partOf`, `conflicts`, `requisite`,
# `upholds`, `onFailure`, `onSuccess`), `wantedBy`/`requiredBy`, `unitConfig`,
# `restartTriggers`/`reloadTriggers`, `restartIfChanged`/`reloadIfChanged`/`stopIfChanged`,
# `startLimitBurst`/`startLimitIntervalSec`; for services `serviceConfig`, `environment`,
# `path`, `script`, `preStart`, `postStart`, `reload`, `preStop`, `postStop`; for sockets
# `socketConfig`, `listenStreams`, `listenDatagrams`.
#
# Everything funnels into `unitConfig` / `serviceConfig` / `socketConfig` here, at option
# level, so priorities (`mkForce`, `mkDefault`) apply to the directive whichever way it was
# set; `sections` (below) only renames. Values merge as NixOS merges unit settings: when any
# definition is a list, all are concatenated; otherwise they must be equal.
#
# Decisions (ours): lists become repeated keys (Home Manager's layout) rather than one
# space-separated line; `Environment=` lines are quoted as `"NAME=value"` with `%` doubled,
# so values reach the program literally; scripts are store files run as `/bin/sh -e FILE`
# (`builtins.toFile` makes no executable files, and needs no builder); `path` sets PATH to the
# packages' bin/ and sbin/ only (no default packages are added); `X-RestartIfChanged` and
# friends go in [Unit], where Home Manager writes them.
kind:
{ lib, name, config, ... }:

let
  inherit (lib) mkIf mkOption optionalAttrs types;

  settingValue = v:
    builtins.isBool v || builtins.isInt v || builtins.isString v || builtins.isPath v
    || builtins.isFloat v || lib.isDerivation v;

  unitOption = lib.mkOptionType {
    name = "systemd option";
    description = "systemd setting (a string, number, boolean, path or package, or a list of them)";
    check = v: settingValue v || (builtins.isList v && builtins.all settingValue v);
    merge = loc: defs:
      if builtins.any (def: builtins.isList def.value) defs
      then lib.concatMap (def: lib.toList def.value) defs
      else lib.mergeEqualOption loc defs;
  };
  settings = what: mkOption {
    type = types.attrsOf unitOption;
    default = { };
    example = { RestartSec = 5; };
    description = "Settings of the unit's [${what}] section, named as systemd names them.";
  };

  unitList = what: mkOption {
    type = types.listOf types.str;
    default = [ ];
    description = "Units for ${what}.";
  };
  nonEmpty = list: mkIf (list != [ ]) list;

  # The unit's name for store files: store names allow fewer characters than unit names.
  storeName = lib.replaceStrings [ "@" " " "\\" ] [ "-" "-" "-" ] (if name == "" then "unit" else name);
  scriptCommand = what: text: "/bin/sh -e ${builtins.toFile "${storeName}-${what}" text}";
  scriptOption = what: mkOption {
    type = types.lines;
    default = "";
    description = "Shell commands run as ${what}.";
  };

  # Environment=: one quoted "NAME=value" per variable; `%` is doubled because systemd expands
  # specifiers in this setting.
  environmentLine = n: v:
    lib.replaceStrings [ "%" ] [ "%%" ] (builtins.toJSON "${n}=${if builtins.isString v then v else "${v}"}");
  environment = lib.filterAttrs (_: v: v != null) (config.environment or { });

  common = {
    enable = mkOption {
      type = types.bool;
      default = true;
      description = "Whether the unit is written. `false` leaves it out.";
    };
    description = mkOption {
      type = types.str;
      default = "";
      description = "Description= of the unit.";
    };
    documentation = mkOption {
      type = types.listOf types.str;
      default = [ ];
      description = "Documentation= URLs of the unit.";
    };
    requires = unitList "Requires=";
    wants = unitList "Wants=";
    upholds = unitList "Upholds=";
    after = unitList "After=";
    before = unitList "Before=";
    bindsTo = unitList "BindsTo=";
    partOf = unitList "PartOf=";
    conflicts = unitList "Conflicts=";
    requisite = unitList "Requisite=";
    onFailure = unitList "OnFailure=";
    onSuccess = unitList "OnSuccess=";
    wantedBy = unitList "WantedBy= ([Install]; multi-user.target is the user manager's default.target)";
    requiredBy = unitList "RequiredBy= ([Install]; multi-user.target is the user manager's default.target)";
    unitConfig = settings "Unit";
    restartTriggers = mkOption {
      type = types.listOf unitOption;
      default = [ ];
      description = "Values whose change restarts the unit (X-Restart-Triggers=).";
    };
    reloadTriggers = mkOption {
      type = types.listOf unitOption;
      default = [ ];
      description = "Values whose change reloads the unit (X-Reload-Triggers=).";
    };
    restartIfChanged = mkOption {
      type = types.bool;
      default = true;
      description = "Whether a changed unit is restarted by a switch (X-RestartIfChanged=).";
    };
    reloadIfChanged = mkOption {
      type = types.bool;
      default = false;
      description = "Whether a changed unit is reloaded rather than restarted (X-ReloadIfChanged=).";
    };
    stopIfChanged = mkOption {
      type = types.bool;
      default = true;
      description = "Whether a changed unit is stopped and started rather than restarted (X-StopIfChanged=).";
    };
    startLimitBurst = mkOption {
      type = types.nullOr types.int;
      default = null;
      description = "StartLimitBurst= of the unit.";
    };
    startLimitIntervalSec = mkOption {
      type = types.nullOr types.int;
      default = null;
      description = "StartLimitIntervalSec= of the unit.";
    };
  };

  serviceOptions = {
    serviceConfig = settings "Service";
    environment = mkOption {
      type = types.attrsOf (types.nullOr (types.oneOf [ types.str types.path types.package ]));
      default = { };
      example = { LANG = "C.UTF-8"; };
      description = "Environment variables of the service's processes.";
    };
    path = mkOption {
      type = types.listOf (types.either types.package types.path);
      default = [ ];
      description = "Packages whose bin/ and sbin/ make the service's PATH.";
    };
    script = scriptOption "the service's main process (ExecStart=)";
    preStart = scriptOption "ExecStartPre=";
    postStart = scriptOption "ExecStartPost=";
    reload = scriptOption "ExecReload=";
    preStop = scriptOption "ExecStop=";
    postStop = scriptOption "ExecStopPost=";
  };

  socketOptions = {
    socketConfig = settings "Socket";
    listenStreams = mkOption {
      type = types.listOf types.str;
      default = [ ];
      description = "ListenStream= addresses of the socket.";
    };
    listenDatagrams = mkOption {
      type = types.listOf types.str;
      default = [ ];
      description = "ListenDatagram= addresses of the socket.";
    };
  };
in
{
  options = common
    // optionalAttrs (kind == "service") serviceOptions
    // optionalAttrs (kind == "socket") socketOptions;

  config = lib.mkMerge [
    {
      unitConfig = {
        Description = mkIf (config.description != "") config.description;
        Documentation = nonEmpty config.documentation;
        Requires = nonEmpty config.requires;
        Wants = nonEmpty config.wants;
        Upholds = nonEmpty config.upholds;
        After = nonEmpty config.after;
        Before = nonEmpty config.before;
        BindsTo = nonEmpty config.bindsTo;
        PartOf = nonEmpty config.partOf;
        Conflicts = nonEmpty config.conflicts;
        Requisite = nonEmpty config.requisite;
        OnFailure = nonEmpty config.onFailure;
        OnSuccess = nonEmpty config.onSuccess;
        X-Restart-Triggers = nonEmpty config.restartTriggers;
        X-Reload-Triggers = nonEmpty config.reloadTriggers;
        X-RestartIfChanged = mkIf (!config.restartIfChanged) false;
        X-ReloadIfChanged = mkIf config.reloadIfChanged true;
        X-StopIfChanged = mkIf (!config.stopIfChanged) false;
        StartLimitBurst = mkIf (config.startLimitBurst != null) config.startLimitBurst;
        StartLimitIntervalSec = mkIf (config.startLimitIntervalSec != null) config.startLimitIntervalSec;
      };
    }
    (optionalAttrs (kind == "service") {
      environment.PATH = mkIf (config.path != [ ])
        (lib.concatStringsSep ":" (map (p: "${p}/bin") config.path ++ map (p: "${p}/sbin") config.path));
      serviceConfig = {
        Environment = mkIf (environment != { }) (lib.mapAttrsToList environmentLine environment);
        ExecStart = mkIf (config.script != "") [ (scriptCommand "start" config.script) ];
        ExecStartPre = mkIf (config.preStart != "") [ (scriptCommand "pre-start" config.preStart) ];
        ExecStartPost = mkIf (config.postStart != "") [ (scriptCommand "post-start" config.postStart) ];
        ExecReload = mkIf (config.reload != "") [ (scriptCommand "reload" config.reload) ];
        ExecStop = mkIf (config.preStop != "") [ (scriptCommand "pre-stop" config.preStop) ];
        ExecStopPost = mkIf (config.postStop != "") [ (scriptCommand "post-stop" config.postStop) ];
      };
    })
    (optionalAttrs (kind == "socket") {
      socketConfig = {
        ListenStream = nonEmpty config.listenStreams;
        ListenDatagram = nonEmpty config.listenDatagrams;
      };
    })
  ];
}
