# source: nixpkgs lib/types.nix submoduleWith: description `submodule'; a submodule definition must be a set, function or path
# expect-error: A definition for option `s' is not of type `submodule'. Definition values:
# expect-error: - In `/home/jdoe/.config/home-manager/home.nix': 5
with import ../harness.nix;
(config [
  { options.s = mkOption { type = types.submodule { }; }; }
  { _file = home; s = 5; }
]).s
