# source: hearth's addition (docs/design/home-services.md): on macOS each service and
# sub-service is a launchd agent, org.nix-community.home.NAME as Home Manager labels agents:
# ProgramArguments from process.argv (run through /bin/wait4path as modules/launchd.nix does),
# EnvironmentVariables from the primary unit's environment, KeepAlive true for Restart=always
# and { SuccessfulExit = false; } for on-failure, RunAtLoad when the unit is wanted by a
# target, launchd.config over those. lib.generators.toPlist's layout (tabs, sorted keys, no
# newline at the end).
{
  launchd.enable = true;
  systemd.user.enable = false;
  home.services.notes = {
    process.argv = [ "/opt/notes/bin/notes" "--serve" "my notes" ];
    systemd.service.environment.NOTES_DIR = "/home/alice/notes";
    services.sync = {
      process.argv = [ "/opt/notes/bin/notes-sync" ];
      systemd.service.serviceConfig.Restart = "on-failure";
      launchd.config.ProcessType = "Background";
    };
  };
}
