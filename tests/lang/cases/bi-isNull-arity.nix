builtins.isNull
