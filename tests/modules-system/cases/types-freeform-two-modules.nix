# source: nixpkgs lib/types.nix optionType: freeformType declared in several modules is merged like option types
# expect: { a = 1; b = "two"; }
with import ../harness.nix;
config [
  { freeformType = types.attrsOf (types.either types.int types.str); }
  { a = 1; b = "two"; }
]
