builtins.scopedImport 1 ./helpers/uses-x.nix
