# source: nixpkgs lib/types.nix singleLineStr description
# expect-error: A definition for option `s' is not of type `(optionally newline-terminated) single-line string'. Definition values:
# expect-error: - In `/home/jdoe/.config/home-manager/home.nix':
# expect-error: ''
# expect-error: a
# expect-error: b''
with import ../harness.nix;
(config [
  { options.s = mkOption { type = types.singleLineStr; }; }
  { _file = home; s = "a\nb"; }
]).s
