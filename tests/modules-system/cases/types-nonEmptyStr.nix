# source: NixOS manual, Option Types: types.nonEmptyStr "A string that should contain at least one non-space character"
# expect-error: A definition for option `s' is not of type `non-empty string'. Definition values:
# expect-error: - In `/home/jdoe/.config/home-manager/home.nix': "  "
with import ../harness.nix;
(config [
  { options.s = mkOption { type = types.nonEmptyStr; }; }
  { _file = home; s = "  "; }
]).s
