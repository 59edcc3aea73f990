# storeDir is the store directory (NIX_STORE_DIR)
builtins.storeDir
