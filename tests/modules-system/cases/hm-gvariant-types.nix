# source: Home Manager lib.hm.gvariant.type: GVariant type strings and their constructors
# expect: [ "as" "m(ib)" "{sv}" "aa{sv}" "d" "t" ]
with import ../harness.nix;
let t = lib.hm.gvariant.type; in
[ (t.arrayOf t.string) (t.maybeOf (t.tupleOf [ t.int32 t.boolean ])) (t.dictionaryEntryOf [ t.string t.variant ])
  (t.arrayOf (t.arrayOf (t.dictionaryEntryOf [ t.string t.variant ]))) t.double t.uint64 ]
