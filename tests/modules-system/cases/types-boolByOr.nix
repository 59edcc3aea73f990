# source: NixOS manual, Option Types: types.boolByOr "definitions are merged with the logical OR operator"
# expect: true
with import ../harness.nix;
(config [
  { options.b = mkOption { type = types.boolByOr; }; }
  { b = false; }
  { b = true; }
  { b = false; }
]).b
