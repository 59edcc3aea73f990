# source: Home Manager's manual (home.services): other unit kinds are not modelled under
# home.services (only systemd.services and systemd.sockets); using one is an error saying so.
{
  home.services.tick = {
    process.argv = [ "/bin/true" ];
    systemd.timers."".timerConfig.OnCalendar = "daily";
  };
}
