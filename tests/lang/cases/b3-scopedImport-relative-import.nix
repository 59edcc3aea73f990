builtins.scopedImport { } ./helpers/relative.nix
