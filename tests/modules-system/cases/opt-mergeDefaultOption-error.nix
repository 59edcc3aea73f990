# source: nixpkgs lib/options.nix mergeDefaultOption: definitions of different kinds cannot be merged
# expect-error: Cannot merge definitions of `x'. Definition values:
# expect-error: - In `f1': 1
# expect-error: - In `f2': "s"
with import ../harness.nix;
lib.mergeDefaultOption [ "x" ] [ { file = "f1"; value = 1; } { file = "f2"; value = "s"; } ]
