builtins.scopedImport { import = p: "replaced"; } ./helpers/uses-import.nix
