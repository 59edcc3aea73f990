# source: Home Manager's manual (home.services): sub-services and their units are dashed under
# the parent's name, the unit "" being each one's primary unit; lifted units are translated
# from NixOS-style attributes (after, environment, script, serviceConfig, wantedBy with
# multi-user.target becoming default.target, listenStreams for sockets) into sections.
# NixOS's unit options: environment is Environment="NAME=value" per variable, in name order.
# Ours (docs/design/home-services.md): scripts run as `/bin/sh -e FILE`, FILE a store file
# named UNIT-start; `%` doubled in Environment= values.
{
  home.services.mail = {
    process.argv = [ "/usr/bin/mail-server" ];
    systemd.socket = {
      listenStreams = [ "%t/mail.sock" ];
      wantedBy = [ "sockets.target" ];
    };
    services.imap = {
      process.argv = [ "/usr/bin/imapd" "--port" "1143" ];
      configData."imapd.conf".text = "idle = yes\n";
      systemd.service = {
        after = [ "mail.service" ];
        environment = {
          LANG = "C.UTF-8";
          GREETING = "50% \"off\"";
          UNSET = null;
        };
      };
      systemd.services.cleanup = {
        description = "Clean the mail spool";
        script = builtins.readFile ./cleanup.sh;
        serviceConfig.Type = "oneshot";
        wantedBy = [ "multi-user.target" ];
      };
    };
  };
}
