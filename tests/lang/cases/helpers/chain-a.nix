(import ./chain-b.nix) + 1
