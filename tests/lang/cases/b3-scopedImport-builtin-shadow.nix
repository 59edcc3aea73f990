builtins.scopedImport { x = 1; } ./helpers/uses-x.nix
