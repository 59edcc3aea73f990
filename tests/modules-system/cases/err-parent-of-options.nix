# source: nixpkgs lib/tests/modules.sh (option collision): an option whose type has no sub-options cannot have options declared below it
# expect-error: The option `set' in module `/declare-set.nix' would be a parent of the following options, but its type `attribute set of signed integer' does not support nested options.
# expect-error: - option(s) with prefix `set.enable' in module `/declare-enable-nested.nix'
with import ../harness.nix;
(config [
  { _file = "/declare-set.nix"; options.set = mkOption { type = types.attrsOf types.int; }; }
  { _file = "/declare-enable-nested.nix"; options.set.enable = mkOption { type = types.bool; }; }
]).set
