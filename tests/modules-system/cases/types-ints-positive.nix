# source: NixOS manual, Option Types: types.ints.positive "A positive integer, that is > 0"
# expect-error: is not of type `positive integer, meaning >0'.
with import ../harness.nix;
(config [
  { options.n = mkOption { type = types.ints.positive; }; }
  { n = 0; }
]).n
