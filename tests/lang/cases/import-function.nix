import ./helpers/func.nix 5
