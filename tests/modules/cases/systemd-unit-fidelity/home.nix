# Unit text as Home Manager's systemd module writes it: an empty section (`Unit = { }`) and a
# null Description write nothing; Documentation and Service.Environment are a list or one
# string, so two string definitions concatenate (in module order: this module, then the one it
# imports); ExecStart may be one string.
{ ... }: {
  imports = [
    { systemd.user.services.foo = { Service.Environment = "B=2"; Unit.Documentation = "man:foo(5)"; }; }
  ];
  systemd.user.services.foo = {
    Unit = { Description = null; Documentation = "man:foo(1)"; };
    Service = { ExecStart = "/bin/sleep infinity"; Environment = "A=1"; };
    Install.WantedBy = [ "default.target" ];
  };
  systemd.user.services.tick.Service = { Type = "oneshot"; ExecStart = "/bin/true"; };
  systemd.user.timers.tick = {
    Unit = { };
    Timer.OnCalendar = "daily";
    Install.WantedBy = [ "timers.target" ];
  };
}
