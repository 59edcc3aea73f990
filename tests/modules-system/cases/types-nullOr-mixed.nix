# source: nixpkgs lib/types.nix nullOr: null and non-null definitions cannot be merged
# expect-error: The option `x` is defined both null and not null, in `/b.nix' and `/a.nix'.
with import ../harness.nix;
(config [
  { options.x = mkOption { type = types.nullOr types.int; }; }
  { _file = "/a.nix"; x = null; }
  { _file = "/b.nix"; x = 1; }
]).x
