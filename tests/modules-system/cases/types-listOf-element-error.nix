# source: nixpkgs lib/types.nix listOf: each entry is checked at location "[definition N-entry M]"
# expect-error: A definition for option `l."[definition 1-entry 2]"' is not of type `signed integer'. Definition values:
# expect-error: - In `/home/jdoe/.config/home-manager/home.nix': "two"
with import ../harness.nix;
(config [
  { options.l = mkOption { type = types.listOf types.int; }; }
  { _file = home; l = [ 1 "two" ]; }
]).l
