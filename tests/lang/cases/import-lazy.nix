let x = import ./helpers/does-not-exist.nix; in 1
