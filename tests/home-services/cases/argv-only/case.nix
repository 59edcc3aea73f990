# source: Home Manager's manual (home.services): process.argv is the primary unit's ExecStart,
# its arguments quoted so that systemd substitutes nothing (NixOS's systemd.mainExecStart:
# "%" and "$" doubled); the primary unit is named after the service, WantedBy=default.target,
# with the NixOS defaults Type=simple, Restart=always, RestartSec=5; Home Manager's unit layout
# (sections and keys sorted; a TARGET.wants/ entry per WantedBy).
{
  home.services.hello.process.argv = [ "/bin/echo" "hello world" "100%" "$HOME" "say \"hi\"" ];
}
