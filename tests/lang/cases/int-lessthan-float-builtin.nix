builtins.lessThan 1.5 2
