import ./helpers/does-not-exist.nix
