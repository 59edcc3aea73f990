# source: NixOS manual, Option Types: types.strMatching "A string matching a specific regular expression"
# expect-error: A definition for option `s' is not of type `string matching the pattern [a-z]+'. Definition values:
# expect-error: - In `/home/jdoe/.config/home-manager/home.nix': "ABC"
with import ../harness.nix;
(config [
  { options.s = mkOption { type = types.strMatching "[a-z]+"; }; }
  { _file = home; s = "ABC"; }
]).s
