# The launchd part of a modular service (`_class = "service"`): on macOS home.services become
# launchd agents, so one service definition serves both systems (hearth's own addition; Home
# Manager's home.services is systemd only).
#
# Owns `launchd.config`: launchd.plist(5) keys laid over the ones home.services derives from
# the service (./default.nix: ProgramArguments from `process.argv`, EnvironmentVariables from
# the primary unit's `environment`, KeepAlive from its `serviceConfig.Restart`, RunAtLoad).
# Portable service modules test `options ? launchd` before setting it.
{ lib, ... }:

{
  _class = "service";

  options.launchd.config = lib.mkOption {
    type = lib.types.attrsOf lib.types.anything;
    default = { };
    example = { ProcessType = "Background"; };
    description = ''
      launchd.plist(5) keys of the service's agent on macOS, over the keys derived from the
      service (ProgramArguments, EnvironmentVariables, KeepAlive, RunAtLoad).
    '';
  };

  # Sub-services are agents too.
  options.services = lib.mkOption {
    type = lib.types.attrsOf (lib.types.submoduleWith {
      class = "service";
      modules = [ ./launchd.nix ];
    });
  };
}
