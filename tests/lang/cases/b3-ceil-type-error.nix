builtins.ceil "1"
