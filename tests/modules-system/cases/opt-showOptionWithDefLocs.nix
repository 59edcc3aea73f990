# source: nixpkgs lib docs, lib.options.showOptionWithDefLocs example
# expect: "x.y, with values defined in:\n  - foo.nix\n  - bar.nix\n"
with import ../harness.nix;
lib.showOptionWithDefLocs { loc = [ "x" "y" ]; files = [ "foo.nix" "bar.nix" ]; }
