# source: Home Manager lib.hm.gvariant.mkValue: plain Nix values map to the closest GVariant (int -> int32, list -> array)
# expect: [ "i" "b" "d" "s" "ai" "as" ]
with import ../harness.nix;
map (v: (lib.hm.gvariant.mkValue v).type) [ 1 true 1.5 "s" [ 1 2 ] [ ] ]
