# source: Home Manager manual, dconf / lib.hm.gvariant: arrays, tuples, maybes, variants and dictionary entries
# expect: [ "@as ['a','b']" "@as []" "@(si) ('x',1)" "@ms nothing" "just 'y'" "@v <'z'>" "@{sv} {'k',@v <1>}" "@a(sb) [@(sb) ('a',true)]" ]
with import ../harness.nix;
let g = lib.hm.gvariant; in
map toString [
  (g.mkArray g.type.string [ "a" "b" ])
  (g.mkEmptyArray g.type.string)
  (g.mkTuple [ "x" 1 ])
  (g.mkNothing g.type.string)
  (g.mkJust "y")
  (g.mkVariant "z")
  (g.mkDictionaryEntry [ "k" (g.mkVariant 1) ])
  (g.mkArray (g.type.tupleOf [ g.type.string g.type.boolean ]) [ (g.mkTuple [ "a" true ]) ])
]
