builtins.listToAttrs [ 1 ]
