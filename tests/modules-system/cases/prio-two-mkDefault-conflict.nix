# source: nixpkgs lib/options.nix mergeEqualOption: definitions at the same priority must agree
# expect-error: The option `x' has conflicting definition values:
# expect-error: - In `/b.nix': 2
# expect-error: - In `/a.nix': 1
with import ../harness.nix;
(config [
  { options.x = mkOption { type = types.int; }; }
  { _file = "/a.nix"; x = mkDefault 1; }
  { _file = "/b.nix"; x = mkDefault 2; }
]).x
