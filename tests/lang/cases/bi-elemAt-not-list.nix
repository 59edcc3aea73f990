builtins.elemAt { } 0
