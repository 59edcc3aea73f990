# source: nixpkgs lib/modules.nix: an undeclared option inside a submodule is reported with its full path
# expect-error: The option `users.alice.sheel' does not exist. Definition values:
# expect-error: - In `/home/jdoe/.config/home-manager/home.nix': "zsh"
with import ../harness.nix;
(config [
  { options.users = mkOption { type = types.attrsOf (types.submodule { options.shell = mkOption { type = types.str; default = "bash"; }; }); }; }
  { _file = home; users.alice.sheel = "zsh"; }
]).users
