# source: NixOS manual, Option Types: types.singleLineStr "A string that should not contain line breaks; a trailing newline is removed"
# expect: "hello"
with import ../harness.nix;
(config [
  { options.s = mkOption { type = types.singleLineStr; }; }
  { s = "hello\n"; }
]).s
