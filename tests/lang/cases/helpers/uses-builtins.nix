builtins.y
