# source: NixOS's modular services (a service module's assertions are checked with the
# service's option path in front: "in home.services.NAME: MESSAGE"), and so are its warnings.
{ lib, ... }:
let
  pkgs = import ../imported/pkgs.nix { inherit lib; };
in
{
  home.services.greeter = {
    imports = [ pkgs.greeter.passthru.services.default ];
    greeter.port = 80;
    greeter.greeting = "";
  };
}
