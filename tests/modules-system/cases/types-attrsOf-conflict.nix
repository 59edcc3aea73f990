# source: nixpkgs lib/types.nix attrsOf: each attribute merged at loc ++ [ name ]; int uses mergeEqualOption
# expect-error: The option `x.a' has conflicting definition values:
# expect-error: - In `/b.nix': 2
# expect-error: - In `/a.nix': 1
with import ../harness.nix;
(config [
  { options.x = mkOption { type = types.attrsOf types.int; }; }
  { _file = "/a.nix"; x.a = 1; }
  { _file = "/b.nix"; x.a = 2; }
]).x
