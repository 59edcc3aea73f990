import ./helpers/relative.nix
