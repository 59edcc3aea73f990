# source: nixpkgs lib/types.nix package: description `package'
# expect-error: A definition for option `pkg' is not of type `package'. Definition values:
# expect-error: - In `/home/jdoe/.config/home-manager/home.nix': "hello"
with import ../harness.nix;
(config [
  { options.pkg = mkOption { type = types.package; }; }
  { _file = home; pkg = "hello"; }
]).pkg
