# assertions and warnings: checks any module can add.
#
# Owns: `assertions` (a list of { assertion, message }: a false one stops the build, and the
# build lists every failed message) and `warnings` (messages printed, build goes on). The
# check itself is in default.nix, around the generation spec.
{ lib, ... }:

{
  options = {
    assertions = lib.mkOption {
      type = lib.types.listOf lib.types.unspecified;
      internal = true;
      default = [ ];
      example = [{ assertion = false; message = "you can't enable this for that reason"; }];
      description = "Conditions that must hold. A failed assertion stops the build with its message.";
    };

    warnings = lib.mkOption {
      internal = true;
      default = [ ];
      type = lib.types.listOf lib.types.str;
      example = [ "The `foo' service is deprecated and will go away soon!" ];
      description = "Messages printed when the configuration is built.";
    };
  };
}
