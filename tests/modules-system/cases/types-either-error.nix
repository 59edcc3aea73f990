# source: nixpkgs lib/types.nix either: description "t1 or t2"
# expect-error: A definition for option `a' is not of type `signed integer or string'. Definition values:
# expect-error: - In `/home/jdoe/.config/home-manager/home.nix': true
with import ../harness.nix;
(config [
  { options.a = mkOption { type = types.either types.int types.str; }; }
  { _file = home; a = true; }
]).a
