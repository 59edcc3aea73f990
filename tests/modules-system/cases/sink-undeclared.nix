# source: nixpkgs lib/options.nix mkSinkUndeclaredOptions: accepts any definition and has no readable value
# expect: 1
with import ../harness.nix;
(config [
  { options.legacy = lib.mkSinkUndeclaredOptions { }; options.x = mkOption { type = types.int; default = 1; }; }
  { legacy.anything.goes = 5; }
]).x
