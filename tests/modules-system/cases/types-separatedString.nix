# source: NixOS manual, Option Types: types.separatedString sep "multiple definitions are concatenated with sep"
# expect: "one two"
with import ../harness.nix;
(config [
  { options.x = mkOption { type = types.separatedString " "; }; }
  { x = mkBefore "one"; }
  { x = "two"; }
]).x
