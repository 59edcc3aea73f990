builtins.split "(a)|b" "ab"
