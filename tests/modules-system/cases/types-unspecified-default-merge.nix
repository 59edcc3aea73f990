# source: nixpkgs lib/options.nix mergeDefaultOption: "If all definitions are booleans, the result of a foldl' with the or operation is returned"
# expect: { b = true; i = 4; }
with import ../harness.nix;
config [
  { options.b = mkOption { }; options.i = mkOption { }; }
  { b = false; i = 4; }
  { b = true; i = 4; }
]
