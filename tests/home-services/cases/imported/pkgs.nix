# A stand-in for nixpkgs with one package that ships a service module, as packages do:
# `passthru.services.default` imports the module and sets its package.
{ lib }:
let
  greeter = {
    type = "derivation";
    name = "greeter-1.0";
    outPath = "/opt/greeter-1.0";
    meta.mainProgram = "greeter";
    passthru.services.default = {
      imports = [ (lib.modules.importApply ./greeter-service.nix { }) ];
      greeter.package = lib.mkDefault greeter;
    };
  };
in
{
  inherit greeter;
}
