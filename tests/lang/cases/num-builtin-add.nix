builtins.add 2 3
