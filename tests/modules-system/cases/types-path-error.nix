# source: nixpkgs lib/types.nix (current): path = pathWith { absolute = true; }, described as "absolute path"
# expect-error: A definition for option `p' is not of type `absolute path'. Definition values:
# expect-error: - In `/home/jdoe/.config/home-manager/home.nix': "relative/file"
with import ../harness.nix;
(config [
  { options.p = mkOption { type = types.path; }; }
  { _file = home; p = "relative/file"; }
]).p
