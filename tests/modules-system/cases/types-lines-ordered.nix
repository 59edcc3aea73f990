# source: NixOS manual, Option Types: types.lines "multiple definitions are concatenated with a new line character"; mkBefore/mkAfter order them
# expect: "first\nmiddle\nlast"
with import ../harness.nix;
(config [
  { options.text = mkOption { type = types.lines; }; }
  { text = "middle"; }
  { text = mkAfter "last"; }
  { text = mkBefore "first"; }
]).text
