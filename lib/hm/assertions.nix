# Assertion helpers of Home Manager's `lib.hm.assertions`.
#
# Owns: assertPlatform, the assertion a module adds when it only works on
# some platforms.
{ lib }:
{
  assertPlatform = module: pkgs: platforms: {
    assertion = builtins.elem pkgs.stdenv.hostPlatform.system platforms;
    message =
      let platformsStr = builtins.concatStringsSep "\n" (map (p: "  - ${p}") (builtins.sort (a: b: a < b) platforms)); in
      ''
        The module ${module} does not support your platform. It only supports

        ${platformsStr}'';
  };
}
