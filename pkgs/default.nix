# hearth's `pkgs` where no Nix is installed: the builders (./builders.nix, realised by hearth
# itself), `formats` (./formats.nix), `lib`, `stdenv.hostPlatform`, and every program installed
# on this machine as a host package (./host.nix). See docs/design/pkgs.md.
#
# Owns: putting those together; the names the builders and `lib`/`stdenv` take win over host
# programs of the same name.
{ lib ? import ../lib, system ? builtins.currentSystem }:

let
  isLinux = lib.hasSuffix "-linux" system;
  isDarwin = lib.hasSuffix "-darwin" system;

  builders = import ./builders.nix { inherit lib system; };
  host = import ./host.nix { inherit lib system; };
in
host.packages // builders // rec {
  inherit lib system;
  inherit (host) hostPackage;

  stdenv = {
    hostPlatform = { inherit isLinux isDarwin system; };
    buildPlatform = stdenv.hostPlatform;
    inherit isLinux isDarwin system;
  };

  formats = import ./formats.nix { inherit lib; inherit (builders) writeText; };
}
