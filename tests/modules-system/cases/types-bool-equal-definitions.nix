# source: nixpkgs lib docs, lib.options.mergeEqualOption: definitions that are all equal merge to that value
# expect: { x = false; }
with import ../harness.nix;
config [
  { options.x = mkOption { type = types.bool; }; }
  { x = false; }
  { x = false; }
]
