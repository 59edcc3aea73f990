# X-SwitchMethod is an enum in Home Manager's systemd module: a value the switch does not know
# is a type error when the configuration is evaluated, not a failed switch later.
{ ... }: {
  systemd.user.services.foo = {
    Unit.X-SwitchMethod = "bounce";
    Service.ExecStart = "/bin/true";
  };
}
