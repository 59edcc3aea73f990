# source: NixOS manual, Option Types: types.commas "multiple definitions are concatenated with a comma"
# expect: "a,b"
with import ../harness.nix;
(config [
  { options.x = mkOption { type = types.commas; }; }
  { x = mkBefore "a"; }
  { x = "b"; }
]).x
