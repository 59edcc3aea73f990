# source: NixOS's modular services (systemd.mainExecStart: set it to use specifiers, with
# systemd.lib.escapeSystemdExecArgs for the quoted part; further ExecStart= entries go through
# systemd.service.serviceConfig.ExecStart with mkBefore/mkAfter), a unit with enable = false
# is not written, a path in process.argv is added to the store; a package's ExecStartPost.
{ config, lib, ... }:
{
  home.services.runner = { config, ... }: {
    process.argv = [ ./run.sh "--name" "a b" ];
    systemd.mainExecStart = config.systemd.lib.escapeSystemdExecArgs config.process.argv + " --unit %n";
    systemd.service = {
      serviceConfig = {
        Type = "oneshot";
        # systemd refuses Restart=always (the primary unit's default) for a oneshot service.
        Restart = "no";
        RemainAfterExit = true;
        ExecStart = lib.mkBefore [ "/bin/true" ];
        ExecStartPost = {
          type = "derivation";
          name = "notify";
          outPath = "/opt/notify";
        };
      };
      restartIfChanged = false;
      documentation = [ "man:runner(1)" "https://example.org/runner" ];
    };
    systemd.services.off = {
      enable = false;
      script = "exit 1";
    };
  };
}
