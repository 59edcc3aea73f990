builtins.toString 7
