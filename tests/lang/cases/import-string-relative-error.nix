import "helpers/value.nix"
