# Shared by the cases: the library under test and shorthands for evaluating
# a list of modules.  A case says `with import ../harness.nix; ...`.
let
  lib = import ../../lib;
in
{
  inherit lib;
  inherit (lib) types mkOption mkIf mkMerge mkForce mkDefault mkOverride mkOptionDefault
    mkOrder mkBefore mkAfter mkEnableOption evalModules;
  # The evaluation of `modules`.
  eval = modules: lib.evalModules { inherit modules; };
  # The final config of `modules`.
  config = modules: (lib.evalModules { inherit modules; }).config;
  # The file name the cases give their inline modules, as a user's would be.
  home = "/home/jdoe/.config/home-manager/home.nix";
}
