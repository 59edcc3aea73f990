# source: nixpkgs lib/options.nix mergeEqualOption: "has conflicting definition values" with both definitions and the priority hint
# expect-error: The option `x' has conflicting definition values:
# expect-error: - In `/b.nix': 2
# expect-error: - In `/a.nix': 1
# expect-error: Use `lib.mkForce value` or `lib.mkDefault value` to change the priority on any of these definitions.
with import ../harness.nix;
(config [
  { options.x = mkOption { type = types.int; }; }
  { _file = "/a.nix"; x = 1; }
  { _file = "/b.nix"; x = 2; }
]).x
