import ./helpers/value.nix
