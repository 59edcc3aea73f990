# source: issue 4 brief / nixpkgs lib/modules.nix: "The option `foo' does not exist." with the definition; the path reported is the first one no option declares (mergeModules' unmatchedDefns prefix)
# expect-error: The option `programs.emcs' does not exist. Definition values:
# expect-error: - In `/home/jdoe/.config/home-manager/home.nix':
# expect-error: {
# expect-error: enable = true;
# expect-error: }
with import ../harness.nix;
config [
  { options.programs.emacs.enable = mkEnableOption "emacs"; }
  { _file = home; programs.emcs.enable = true; }
]
