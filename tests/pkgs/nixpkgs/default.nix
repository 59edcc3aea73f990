# A nixpkgs stand-in for the pkgs suite: called like nixpkgs (`import <nixpkgs> { }`), its
# derivations use only the host's /bin/sh and coreutils, so nix-build builds them offline
# (with sandbox = false).
{ system ? builtins.currentSystem, ... }:

let
  mk = name: script: derivation {
    inherit name system;
    builder = "/bin/sh";
    args = [ "-e" "-c" script ];
    PATH = "/usr/bin:/bin";
  };
  greeting = mk "greeting" "echo 'hello from nix' > $out";
in
{
  inherit system;
  hello = mk "hello" ''
    mkdir -p $out/bin
    printf '#!/bin/sh\ncat ${greeting}\n' > $out/bin/hello
    chmod +x $out/bin/hello
  '';
  writeText = name: text: mk name "printf '%s' '${text}' > $out";
}
