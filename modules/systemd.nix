# systemd user units: the `systemd.user.*` options of Home Manager's systemd module.
#
# Owns: the unit options (services, timers, sockets, targets, paths, slices, mounts,
# automounts: attribute sets of sections of settings, named and capitalised as systemd names
# them), writing each unit to `xdg.configFile."systemd/user/NAME.TYPE"` in the layout Home
# Manager uses (sections and keys in alphabetical order, lists as repeated keys, booleans as
# true/false), the `TARGET.wants/` and `TARGET.requires/` entries for `Install.WantedBy` and
# `Install.RequiredBy`, `systemd.user.sessionVariables` (environment.d), and the switch
# settings that the C side (src/services, docs/design/services.md) reads: `startServices` and
# `servicesStartTimeoutMs`.
{ config, lib, ... }:

let
  inherit (lib)
    concatLists concatStrings filterAttrs isBool isList mapAttrs mapAttrsToList mkIf mkMerge
    mkOption types;

  cfg = config.systemd.user;

  # The unit kinds, as option name -> file suffix and man page.
  kinds = {
    services = "service";
    slices = "slice";
    sockets = "socket";
    targets = "target";
    timers = "timer";
    paths = "path";
    mounts = "mount";
    automounts = "automount";
  };

  settingValue = types.oneOf [ types.bool types.int types.str types.path ];
  # Settings Home Manager types as a list or one string: two definitions concatenate.
  listOrSingle = types.coercedTo types.str lib.toList (types.listOf types.str);

  # A unit: sections of settings (freeform), with the few settings Home Manager declares so
  # that they merge, default and type-check as there.
  unitType = kind: extra: types.submodule {
    freeformType = types.attrsOf (types.attrsOf (types.either settingValue (types.listOf settingValue)))
      // { description = "systemd ${kind} unit configuration"; };
    imports = [
      {
        options.Unit = {
          Description = mkOption {
            type = types.nullOr types.str;
            default = null;
            example = "My daily database backup";
            description = "A short human-readable label of the unit.";
          };
          Documentation = mkOption {
            type = listOrSingle;
            default = [ ];
            example = [ "my-${kind}.${kind}" ];
            description = "List of URIs referencing documentation for the unit.";
          };
        };
      }
      extra
    ];
  };

  # X-Reload-Triggers / X-Restart-Triggers: a change of any of them makes the switch do `what`.
  triggersOption = what: mkOption {
    type = types.listOf (types.either types.package types.str);
    default = [ ];
    description = ''
      List of free form strings that can be used to trigger a service ${what} during
      activation.
    '';
  };

  serviceOptions = {
    options = {
      Unit = {
        X-Reload-Triggers = triggersOption "reload";
        X-Restart-Triggers = triggersOption "restart";
        # An enum, so that a wrong method is an evaluation error, not a failed switch.
        X-SwitchMethod = mkOption {
          type = types.enum [ null "reload" "restart" "stop-start" "keep-old" ];
          default = null;
          description = ''
            The preferred method to use when switching from an old to a new version of this
            service.
          '';
        };
      };
      Service = {
        Environment = mkOption {
          type = listOrSingle;
          default = [ ];
          example = [ "VAR1=foo" "VAR2=\"bar baz\"" ];
          description = "Environment variables available to executed processes.";
        };
        ExecStart = mkOption {
          type = let p = types.either types.package types.str; in types.either p (types.listOf p);
          apply = lib.toList;
          default = [ ];
          example = "/absolute/path/to/command arg1 arg2";
          description = "Command that is executed when this service is started.";
        };
      };
    };
  };

  valueString = v: if isBool v then (if v then "true" else "false") else toString v;

  # A unit file's text. Settings set to null or [ ] are left out, and then sections left
  # empty (no "[Unit]" for a unit without settings there); a list gives one line per element,
  # so `After = [ "a" "b" ]` is two After= lines.
  unitText = unit:
    lib.generators.toINI {
      listsAsDuplicateKeys = true;
      mkKeyValue = key: value: "${key}=${valueString value}";
    } (filterAttrs (_: section: section != { })
      (mapAttrs (_: section: filterAttrs (_: v: v != null && v != [ ]) section) unit));

  # Where each unit's file goes and the links that its [Install] section asks for.
  unitFiles = option: suffix:
    concatLists (mapAttrsToList (name: unit:
      let
        file = "${name}.${suffix}";
        text = unitText unit;
        install = unit.Install or { };
        asList = v: if isList v then v else [ v ];
        links = dir: targets: map (target: {
          name = "systemd/user/${target}.${dir}/${file}";
          value = { inherit text; };
        }) (asList targets);
      in
      [{ name = "systemd/user/${file}"; value = { inherit text; }; }]
      ++ links "wants" (install.WantedBy or [ ])
      ++ links "requires" (install.RequiredBy or [ ])) cfg.${option});

  allUnitFiles = builtins.listToAttrs (concatLists (mapAttrsToList unitFiles kinds));

  unitOption = option: suffix: mkOption {
    type = types.attrsOf (unitType suffix (if suffix == "service" then serviceOptions else { }));
    default = { };
    example = {
      "${suffix}-name" = {
        Unit = {
          Description = "Example description";
          Documentation = [ "man:example(1)" "man:example(5)" ];
        };
      };
    };
    description = ''
      Definition of systemd per-user ${suffix} units. Attributes are merged recursively.

      Note that the attributes follow the capitalization and naming used by systemd. More
      details can be found in systemd.${suffix}(5).
    '';
  };
in
{
  options.systemd.user = {
    enable = mkOption {
      type = types.bool;
      # Home Manager's default: whether the host is Linux, so that a macOS configuration
      # writes no units. pkgs is read through _module.args so that the module also evaluates
      # where no pkgs is given (then the system Nix runs on decides).
      default =
        let pkgs = config._module.args.pkgs or null; in
        if pkgs != null then pkgs.stdenv.isLinux or false
        else builtins ? currentSystem && lib.hasSuffix "-linux" builtins.currentSystem;
      defaultText = lib.literalExpression "pkgs.stdenv.isLinux";
      example = true;
      description = "Whether to enable the user systemd service manager.";
    };

    startServices = mkOption {
      type = types.either types.bool (types.enum [ "suggest" "sd-switch" ]);
      default = true;
      description = ''
        Whether new or changed services that are wanted by active targets should be started.
        Additionally, stop obsolete services from the previous generation.
      '';
    };

    servicesStartTimeoutMs = mkOption {
      type = types.ints.unsigned;
      default = 0;
      example = 60000;
      description = ''
        How long to wait for started services to fail until their start is considered
        successful. The value 0 indicates no timeout.
      '';
    };

    sessionVariables = mkOption {
      type = types.attrsOf (types.either types.int types.str);
      default = { };
      example = { EDITOR = "vim"; };
      description = ''
        Environment variables that will be set for the user session. The variable values
        must be as described in environment.d(5).
      '';
    };
  } // mapAttrs unitOption kinds;

  config = mkIf cfg.enable {
    xdg.configFile = mkMerge [
      allUnitFiles
      (mkIf (cfg.sessionVariables != { }) {
        "environment.d/10-home-manager.conf".text = concatStrings
          (mapAttrsToList (n: v: "${n}=${toString v}\n") cfg.sessionVariables);
      })
    ];
  };
}
