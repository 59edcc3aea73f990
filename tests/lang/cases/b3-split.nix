builtins.split "(a)b" "xabyab"
