# source: nixpkgs lib/types.nix either (current): definitions must all fit one of the two types; a mix is an error
# expect-error: The option `a` is neither a value of type `signed integer` nor `string`, Definition values:
# expect-error: - In `/b.nix': "two"
# expect-error: - In `/a.nix': 1
with import ../harness.nix;
(config [
  { options.a = mkOption { type = types.either types.int types.str; }; }
  { _file = "/a.nix"; a = 1; }
  { _file = "/b.nix"; a = "two"; }
]).a
