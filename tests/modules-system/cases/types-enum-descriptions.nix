# source: nixpkgs lib/types.nix enum: empty and singular enums have their own descriptions
# expect: [ "impossible (empty enum)" "value \"x\" (singular enum)" "one of 1, true, \"s\"" ]
with import ../harness.nix;
map (t: t.description) [ (types.enum [ ]) (types.enum [ "x" ]) (types.enum [ 1 true "s" ]) ]
