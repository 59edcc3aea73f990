import ./helpers/bad-eval.nix
