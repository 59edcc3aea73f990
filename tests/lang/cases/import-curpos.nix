(import ./helpers/curpos.nix).line
