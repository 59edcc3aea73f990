# source: nixpkgs lib/types.nix anything: definitions of different kinds cannot be merged
# expect-error: The option `x.a' has conflicting option types in `/b.nix' and `/a.nix'
with import ../harness.nix;
(config [
  { options.x = mkOption { type = types.anything; }; }
  { _file = "/a.nix"; x.a = 1; }
  { _file = "/b.nix"; x.a = "one"; }
]).x
