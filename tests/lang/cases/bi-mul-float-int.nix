builtins.mul 0.5 3
