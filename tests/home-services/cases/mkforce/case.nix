# source: the module system's priorities (lib.mkForce), applied to a lifted directive both
# inside the service (over the imported module's Restart=on-failure) and on the lifted unit in
# systemd.user.services (over DynamicUser=true).
{ lib, ... }:
let
  pkgs = import ../imported/pkgs.nix { inherit lib; };
in
{
  home.services.greeter = {
    imports = [ pkgs.greeter.passthru.services.default ];
    systemd.service.serviceConfig.Restart = lib.mkForce "no";
  };
  systemd.user.services.greeter.Service.DynamicUser = lib.mkForce false;
}
