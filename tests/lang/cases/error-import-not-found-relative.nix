import ./nope.nix
