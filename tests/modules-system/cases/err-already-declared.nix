# source: nixpkgs lib/modules.nix mergeOptionDecls: the same option declared twice with conflicting attributes (declarations are folded in reverse module order, as definitions are)
# expect-error: The option `x' in `/a.nix' is already declared in `/b.nix'.
with import ../harness.nix;
(config [
  { _file = "/a.nix"; options.x = mkOption { type = types.int; default = 1; }; }
  { _file = "/b.nix"; options.x = mkOption { type = types.int; default = 2; }; }
]).x
