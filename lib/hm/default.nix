# Home Manager's additions to the library, reachable as `lib.hm`.
#
# Owns: the list of lib.hm parts and their names (dag, gvariant, types,
# strings, shell, booleans, assertions), the same as Home Manager's
# `lib.hm`.
{ lib }:
rec {
  dag = import ./dag.nix { inherit lib; };
  gvariant = import ./gvariant.nix { inherit lib; };
  types = import ./types.nix { inherit lib dag gvariant; };
  strings = import ./strings.nix { inherit lib; };
  shell = import ./shell.nix { inherit lib; };
  booleans = import ./booleans.nix { inherit lib; };
  assertions = import ./assertions.nix { inherit lib; };
}
