# systemd.user.enable defaults to pkgs.stdenv.isLinux, as in Home Manager: on macOS (pkgs for
# aarch64-darwin) a configured user service writes no unit file and no .wants link.
{ lib, ... }: {
  _module.args.pkgs = lib.mkForce (import ../../../../pkgs { inherit lib; system = "aarch64-darwin"; });
  systemd.user.services.foo = {
    Unit.Description = "Foo";
    Service.ExecStart = "/bin/true";
    Install.WantedBy = [ "default.target" ];
  };
}
