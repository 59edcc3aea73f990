let x = 1; in import ./helpers/uses-x.nix
