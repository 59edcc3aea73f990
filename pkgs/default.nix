# hearth's `pkgs`: nixpkgs when Nix's search path has it; otherwise the builders (./builders.nix, realised by hearth
# itself), `formats` (./formats.nix), `lib`, `stdenv.hostPlatform`, and every program installed
# on this machine as a host package (./host.nix). See docs/design/pkgs.md.
#
# Owns: putting those together; the names the builders and `lib`/`stdenv` take win over host
# programs of the same name.
#
# `overlays` (nixpkgs.overlays) are applied as nixpkgs applies them: each `final: prev: { … }`
# sees the finished set as `final` and the set before it as `prev`; `config` (nixpkgs.config)
# is nixpkgs' to read, and hearth's set only carries it as `pkgs.config`.
{ lib ? import ../lib, system ? builtins.currentSystem, overlays ? [ ], config ? { } }:

let
  # Where Nix's search path has nixpkgs (`-I nixpkgs=DIR`, NIX_PATH), pkgs is nixpkgs and its
  # packages are built by the installed Nix (src/store/build.c, modules/home-path.nix).
  nixpkgsEntry = lib.findFirst
    (e: (e.prefix == "nixpkgs" && builtins.pathExists e.path)
      || (e.prefix == "" && builtins.pathExists (e.path + "/nixpkgs")))
    null (builtins.nixPath or [ ]);
  nixpkgsPath = if nixpkgsEntry.prefix == "nixpkgs" then nixpkgsEntry.path else nixpkgsEntry.path + "/nixpkgs";

  isLinux = lib.hasSuffix "-linux" system;
  isDarwin = lib.hasSuffix "-darwin" system;

  builders = import ./builders.nix { inherit lib system; };
  host = import ./host.nix { inherit lib system; };

  # The fixed point of the overlays over `base` (final = the result, prev = what came before).
  withOverlays = base:
    let final = lib.foldl' (prev: overlay: prev // overlay final prev) base overlays;
    in final;
in
if nixpkgsEntry != null then import nixpkgsPath { inherit system overlays config; } else
withOverlays (host.packages // builders // rec {
  inherit lib system config;

  # More overlays on top, as nixpkgs' appendOverlays.
  appendOverlays = more: import ./. { inherit lib system config; overlays = overlays ++ more; };
  inherit (host) hostPackage;

  # Any other name is a stand-in that fails when used (host.nix: missingPackage). Only
  # hearth's evaluator knows this attribute; under Nix a missing name stays an error.
  __hearthMissingAttr = host.missingPackage;

  stdenv = {
    hostPlatform = { inherit isLinux isDarwin system; };
    buildPlatform = stdenv.hostPlatform;
    inherit isLinux isDarwin system;
  };

  formats = import ./formats.nix { inherit lib; inherit (builders) writeText; };
})
