# source: nixpkgs lib/types.nix path: the description is the name `path'
# expect-error: A definition for option `p' is not of type `path'. Definition values:
# expect-error: - In `/home/jdoe/.config/home-manager/home.nix': "relative/file"
with import ../harness.nix;
(config [
  { options.p = mkOption { type = types.path; }; }
  { _file = home; p = "relative/file"; }
]).p
