builtins ? warn
