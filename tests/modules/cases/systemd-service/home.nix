{ ... }: {
  systemd.user.services.foo = {
    Unit.Description = "Foo";
    Service.ExecStart = "/bin/true";
    Install.WantedBy = [ "default.target" ];
  };
}
