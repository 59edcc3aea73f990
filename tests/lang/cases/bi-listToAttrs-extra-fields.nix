builtins.listToAttrs [ { name = "a"; value = 1; extra = 2; } ]
