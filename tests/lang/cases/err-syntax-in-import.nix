import ./helpers/syntax-error.nix
