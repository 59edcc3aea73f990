(import ./helpers/attrs.nix).b
