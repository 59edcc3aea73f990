builtins.sub 2 3
