builtins.scopedImport { builtins = { y = 1; }; } ./helpers/uses-builtins.nix
