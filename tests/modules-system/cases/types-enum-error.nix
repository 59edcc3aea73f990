# source: nixpkgs lib/types.nix enum: description "one of ..." with strings quoted
# expect-error: A definition for option `theme' is not of type `one of "light", "dark"'. Definition values:
# expect-error: - In `/home/jdoe/.config/home-manager/home.nix': "blue"
with import ../harness.nix;
(config [
  { options.theme = mkOption { type = types.enum [ "light" "dark" ]; }; }
  { _file = home; theme = "blue"; }
]).theme
