# source: nixpkgs lib/options.nix mergeUniqueOption: "is defined multiple times while it's expected to be unique"
# expect-error: The option `x' is defined multiple times while it's expected to be unique.
# expect-error: 
# expect-error: Definition values:
# expect-error: - In `/b.nix': 2
# expect-error: - In `/a.nix': 1
# expect-error: Use `lib.mkForce value` or `lib.mkDefault value` to change the priority on any of these definitions.
with import ../harness.nix;
(config [
  { options.x = mkOption { type = types.uniq types.int; }; }
  { _file = "/a.nix"; x = 1; }
  { _file = "/b.nix"; x = 2; }
]).x
