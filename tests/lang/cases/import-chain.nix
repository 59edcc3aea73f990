import ./helpers/chain-a.nix
