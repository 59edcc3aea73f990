# source: NixOS manual, Option Types: types.ints.u8 "Eight-bit unsigned integer (0 to 255)"
# expect-error: is not of type `8 bit unsigned integer; between 0 and 255 (both inclusive)'.
with import ../harness.nix;
(config [
  { options.n = mkOption { type = types.ints.u8; }; }
  { n = 256; }
]).n
