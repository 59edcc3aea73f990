# source: Home Manager manual, dconf / lib.hm.gvariant: the textual form of each constructor
# expect: [ "true" "'it\\'s'" "objectpath '/org/x'" "@y 65" "@n -3" "@q 3" "7" "@u 42" "@x 5" "@t 6" "1.500000" ]
with import ../harness.nix;
let g = lib.hm.gvariant; in
map toString [
  (g.mkBoolean true) (g.mkString "it's") (g.mkObjectpath "/org/x") (g.mkUchar 65) (g.mkInt16 (-3))
  (g.mkUint16 3) (g.mkInt32 7) (g.mkUint32 42) (g.mkInt64 5) (g.mkUint64 6) (g.mkDouble 1.5)
]
