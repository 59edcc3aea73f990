# source: NixOS manual, Option Types: types.nonEmptyListOf t "Like types.listOf t, but will not accept an empty list"; nixpkgs lib/types.nix describes it as "non-empty " + the list description, parenthesized unless a noun
# expect-error: A definition for option `l' is not of type `non-empty (list of signed integer)'. Definition values:
# expect-error: - In `/home/jdoe/.config/home-manager/home.nix': [ ]
with import ../harness.nix;
(config [
  { options.l = mkOption { type = types.nonEmptyListOf types.int; }; }
  { _file = home; l = [ ]; }
]).l
