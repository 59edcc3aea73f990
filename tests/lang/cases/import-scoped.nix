builtins.scopedImport { x = 100; } ./helpers/uses-x.nix
