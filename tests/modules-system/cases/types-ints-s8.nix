# source: NixOS manual, Option Types: types.ints.s8 "Signed 8-bit integer (-128 to 127)"
# expect: { low = true; outside = false; }
with import ../harness.nix;
{ low = types.ints.s8.check (-128); outside = types.ints.s8.check (-129); }
