builtins.genList (i: i * i) 5
