# The live test's configuration, in two versions: `ticker` copies its configData file (found
# through configData.NAME.path) to HOME/ticker.seen when it starts, then sleeps; `reloader`
# appends its unit name to LOG when reloaded (ExecReload=, X-SwitchMethod=reload); `steady`
# (with a socket and a sub-service, steady-helper) never changes. Between the versions only
# the configData texts change.
{ home, version, log }:
{ lib, ... }:
{
  xdg.configHome = "${home}/.config";
  home.services = {
    ticker = { config, ... }: {
      process.argv = [
        "/bin/sh"
        "-c"
        "cp \"$1\" \"$2\" && exec /bin/sleep 1000"
        "ticker"
        config.configData."ticker.conf".path
        "${home}/ticker.seen"
      ];
      configData."ticker.conf".text = "version = ${version}";
    };
    reloader = {
      process.argv = [ "/bin/sleep" "1001" ];
      configData."reloader.conf".text = "version = ${version}";
      systemd.service = {
        serviceConfig.ExecReload = "/bin/sh -c 'echo %n >>${log}'";
        unitConfig.X-SwitchMethod = "reload";
      };
    };
    steady = {
      process.argv = [ "/bin/sleep" "1002" ];
      systemd.socket = {
        listenStreams = [ "%t/steady.sock" ];
        wantedBy = [ "sockets.target" ];
      };
      services.helper.process.argv = [ "/bin/sleep" "1003" ];
    };
  };
}
