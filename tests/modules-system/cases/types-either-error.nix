# source: nixpkgs lib/types.nix either (current, merge.v2): a definition neither type accepts is reported as "neither a value of type ... nor ..."
# expect-error: The option `a` is neither a value of type `signed integer` nor `string`, Definition values:
# expect-error: - In `/home/jdoe/.config/home-manager/home.nix': true
with import ../harness.nix;
(config [
  { options.a = mkOption { type = types.either types.int types.str; }; }
  { _file = home; a = true; }
]).a
