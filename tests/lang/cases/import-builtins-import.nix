builtins.import ./helpers/value.nix
