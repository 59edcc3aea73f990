# source: issue 4 brief / nixpkgs lib/modules.nix mergeDefinitions type error text
# expect-error: A definition for option `programs.emacs.enable' is not of type `boolean'. Definition values:
# expect-error: - In `/home/jdoe/.config/home-manager/home.nix': "yes"
with import ../harness.nix;
(config [
  { options.programs.emacs.enable = mkEnableOption "emacs"; }
  { _file = home; programs.emacs.enable = "yes"; }
]).programs.emacs.enable
