# home.services: modular services (issue 7), as Home Manager's manual describes them, and on
# macOS as launchd agents too.
#
# Owns the `home.services.<name>` option (each a module of `_class = "service"`, made of
# ./service.nix, ./systemd.nix, ./launchd.nix and ./paths.nix) and lifting what the services
# define into the rest of the configuration:
#   * their units, evaluated with ./unit.nix, into `systemd.user.services` and
#     `systemd.user.sockets` (modules/systemd.nix writes the files): the unit "" of a service
#     is named after it, another is SERVICE-UNIT, a sub-service's are dashed under its
#     parent's name; [Install] targets multi-user.target become default.target;
#   * their configData files into `xdg.configFile."home-services/SERVICE/NAME"`;
#   * their agents into `launchd.agents.SERVICE` (when modules/launchd.nix is loaded);
#   * their assertions and warnings into Home Manager's, prefixed with the service's option
#     path (when those options are declared).
# Other unit kinds (timers, paths, ...) are not modelled: defining one is an error saying so.
#
# Needs, from the module list it is imported into: modules/systemd.nix, `xdg.configFile`
# (attribute sets with `source`), and `xdg.configHome` (else `home.homeDirectory`/.config).
# See docs/design/home-services.md.
{ config, lib, options, ... }:

let
  inherit (lib) concatLists concatMap filter mapAttrsToList mkDefault mkIf mkMerge mkOption
    optionalAttrs types;

  cfg = config.home.services;

  configHome =
    if lib.hasAttrByPath [ "xdg" "configHome" ] options then config.xdg.configHome
    else "${config.home.homeDirectory}/.config";

  serviceType = types.submoduleWith {
    class = "service";
    modules = [
      ./service.nix
      ./systemd.nix
      ./launchd.nix
      (lib.setDefaultModuleLocation ./paths.nix (import ./paths.nix configHome))
    ];
  };

  dash = parent: child:
    if child == "" then parent else if parent == "" then child else "${parent}-${child}";

  # Every service and sub-service: its option path, its name (dashed under its parent's),
  # its configuration.
  flatten = loc: name: service:
    [{ inherit loc name service; }]
    ++ concatLists (mapAttrsToList (sub: flatten (loc ++ [ "services" sub ]) (dash name sub))
      service.services);
  allServices = concatLists (mapAttrsToList (name: flatten [ "home" "services" name ] name) cfg);

  unmodelled = [ "timers" "paths" "targets" "slices" "mounts" "automounts" ];
  checkKinds = s:
    let
      used = filter (kind: s.service.systemd.${kind} != { }) unmodelled;
      kind = builtins.head used;
      unit = builtins.head (builtins.attrNames s.service.systemd.${kind});
    in
    used == [ ] || throw ("${lib.showOption s.loc}: ${lib.showOption [ "systemd" kind unit ]} is not "
      + "modelled under home.services (only systemd.services and systemd.sockets are); "
      + "define the unit in systemd.user.${kind} instead.");

  # A NixOS-style unit module evaluated on its own; errors name its option path.
  evalUnit = kind: loc: name: module: (lib.evalModules {
    prefix = loc;
    specialArgs = { inherit name; };
    modules = [ (lib.setDefaultModuleLocation ./unit.nix (import ./unit.nix kind)) module ];
  }).config;

  # Each unit of a service: { name; kind; unit; } with `unit` the evaluated unit.
  unitsOf = s:
    assert checkKinds s;
    concatMap (kind: mapAttrsToList (unit: module: {
      name = dash s.name unit;
      inherit kind;
      unit = evalUnit kind (s.loc ++ [ "systemd" "${kind}s" unit ]) (dash s.name unit) module;
    }) s.service.systemd."${kind}s") [ "service" "socket" ];
  allUnits = concatMap (s: filter (u: u.unit.enable) (unitsOf s)) allServices;

  # The section form of modules/systemd.nix: values it can print (paths and packages become
  # their store paths), empty sections left out.
  setting = v:
    if builtins.isList v then map setting v
    else if builtins.isBool v || builtins.isInt v || builtins.isString v then v
    else if builtins.isFloat v then toString v
    else "${v}";
  section = attrs: builtins.mapAttrs (_: setting) (lib.filterAttrs (_: v: v != null) attrs);
  userTarget = target: if target == "multi-user.target" then "default.target" else target;
  sections = kind: unit:
    lib.filterAttrs (_: s: s != { }) ({
      Unit = section unit.unitConfig;
      Install = lib.filterAttrs (_: v: v != [ ]) {
        WantedBy = lib.unique (map userTarget unit.wantedBy);
        RequiredBy = lib.unique (map userTarget unit.requiredBy);
      };
    } // (if kind == "service"
      then { Service = section unit.serviceConfig; }
      else { Socket = section unit.socketConfig; }));

  unitsOfKind = kind:
    let
      units = filter (u: u.kind == kind) allUnits;
      names = map (u: u.name) units;
      clash = lib.findFirst (n: lib.count (m: m == n) names > 1) null names;
    in
    if clash != null
    then throw "home.services: two units are named ${clash}.${kind} (a service and a sub-service or unit whose dashed names meet); rename one."
    else builtins.listToAttrs (map (u: { inherit (u) name; value = sections kind u.unit; }) units);

  configFiles = builtins.listToAttrs (concatMap (s:
    map (entry: {
      name = "home-services/${s.name}/${entry.name}";
      value.source = entry.source;
    }) (filter (entry: entry.enable) (builtins.attrValues s.service.configData)))
    allServices);

  # launchd: the primary unit's environment and restart policy, the process's argv.
  keepAlive = restart:
    if restart == "always" then true
    else if builtins.elem restart [ "on-failure" "on-abnormal" "on-abort" "on-watchdog" ]
    then { SuccessfulExit = false; }
    else if restart == "on-success" then { SuccessfulExit = true; }
    else false;
  agentOf = s:
    assert checkKinds s;
    let
      primary = evalUnit "service" (s.loc ++ [ "systemd" "services" "" ]) s.name
        s.service.systemd.services."";
      environment = builtins.mapAttrs (_: v: if builtins.isString v then v else "${v}")
        (lib.filterAttrs (_: v: v != null) primary.environment);
      derived = {
        ProgramArguments = s.service.process.argv;
        RunAtLoad = primary.wantedBy != [ ];
        KeepAlive = keepAlive (primary.serviceConfig.Restart or "no");
      } // optionalAttrs (environment != { }) { EnvironmentVariables = environment; }
      // optionalAttrs (primary.serviceConfig ? WorkingDirectory) {
        WorkingDirectory = setting primary.serviceConfig.WorkingDirectory;
      };
    in
    {
      enable = mkDefault true;
      config = builtins.mapAttrs (_: mkDefault) (derived // s.service.launchd.config);
    };
in
{
  options.home.services = mkOption {
    type = types.attrsOf serviceType;
    default = { };
    example = lib.literalExpression ''
      {
        greeter = {
          imports = [ pkgs.greeter.passthru.services.default ];
          greeter.greeting = "hello";
        };
        notes = {
          process.argv = [ "''${pkgs.notes}/bin/notes-server" "--config" config.home.services.notes.configData."notes.toml".path ];
          configData."notes.toml".text = "port = 8080";
        };
      }
    '';
    description = ''
      Modular services: each is a module of class "service" (`process.argv`, `configData`,
      `services`, `systemd.service`, `systemd.services`, `systemd.sockets`, ...), and may import
      the service modules that packages ship. They become systemd user units (and launchd
      agents on macOS).
    '';
  };

  config = mkIf (cfg != { }) (mkMerge [
    {
      systemd.user.services = unitsOfKind "service";
      systemd.user.sockets = unitsOfKind "socket";
      xdg.configFile = configFiles;
    }
    (optionalAttrs (options ? launchd) {
      launchd.agents = builtins.listToAttrs (map (s: { inherit (s) name; value = agentOf s; }) allServices);
    })
    (optionalAttrs (options ? assertions) {
      assertions = concatMap (s: map (a: {
        inherit (a) assertion;
        message = "in ${lib.showOption s.loc}: ${a.message}";
      }) s.service.assertions) allServices;
    })
    (optionalAttrs (options ? warnings) {
      warnings = concatMap (s: map (w: "in ${lib.showOption s.loc}: ${w}") s.service.warnings)
        allServices;
    })
  ]);
}
