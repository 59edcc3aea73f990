let f = "value"; in import ./helpers/${f}.nix
