# source: nixpkgs lib/options.nix showOption: parts that are not identifiers are quoted
# expect-error: The option `home.file' does not exist. Definition values:
# expect-error: - In `<unknown-file>':
# expect-error: {
# expect-error: "my file" = {
with import ../harness.nix;
config [
  { options.home.stateVersion = mkOption { type = types.str; }; }
  { home.file."my file".text = "x"; }
]
