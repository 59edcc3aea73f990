# source: nixpkgs lib/types.nix attrListOf: each list element must be a set with exactly one attribute
# expect-error: A definition for option `steps' is not of type `attribute list of signed integer'. Each list element must be a single-key attribute set, but got 2 keys.
# expect-error: - In `/home/jdoe/.config/home-manager/home.nix':
with import ../harness.nix;
(config [
  { options.steps = mkOption { type = types.attrListOf types.int; }; }
  { _file = home; steps = [ { a = 1; b = 2; } ]; }
]).steps
