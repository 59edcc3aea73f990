# source: Home Manager's manual (home.services): service modules that packages ship
# (`pkgs.NAME.passthru.services.default`, `_class = "service"`) are imported unchanged; their
# NixOS-style unit (wantedBy multi-user.target, after, wants, environment, serviceConfig) is
# lifted; directives a user manager cannot honour (DynamicUser, AmbientCapabilities) are kept.
{ lib, ... }:
let
  pkgs = import ./pkgs.nix { inherit lib; };
in
{
  home.services.greeter = {
    imports = [ pkgs.greeter.passthru.services.default ];
    greeter.greeting = "hello, world";
  };
}
