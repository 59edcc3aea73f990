# source: NixOS manual, Option Types: types.ints.between lowest highest "both bounds are inclusive"
# expect-error: A definition for option `n' is not of type `integer between 1 and 10 (both inclusive)'. Definition values:
# expect-error: - In `/home/jdoe/.config/home-manager/home.nix': 11
with import ../harness.nix;
(config [
  { options.n = mkOption { type = types.ints.between 1 10; }; }
  { _file = home; n = 11; }
]).n
