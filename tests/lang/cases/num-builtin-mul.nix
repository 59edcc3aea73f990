builtins.mul 4 2.5
