# source: NixOS manual, Option Types: types.ints.s16 and types.ints.u32 ranges
# expect: [ "16 bit signed integer; between -32768 and 32767 (both inclusive)" "32 bit unsigned integer; between 0 and 4294967295 (both inclusive)" "32 bit signed integer; between -2147483648 and 2147483647 (both inclusive)" ]
with import ../harness.nix;
map (t: t.description) [ types.ints.s16 types.ints.u32 types.ints.s32 ]
