# source: the module system's conflict error (nixpkgs' mergeEqualOption), raised in a lifted
# unit: the option is named by its full path under home.services.
{ lib, ... }:
let
  pkgs = import ../imported/pkgs.nix { inherit lib; };
in
{
  home.services.greeter = {
    imports = [ pkgs.greeter.passthru.services.default ];
    systemd.service.serviceConfig.Restart = "no";
  };
}
