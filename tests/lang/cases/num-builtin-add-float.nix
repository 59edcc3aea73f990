builtins.add 2 3.5
