let a = import ./helpers/value.nix; b = import ./helpers/value.nix; in a == b
