builtins.sub "a" 1
