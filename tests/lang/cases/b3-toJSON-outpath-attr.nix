builtins.toJSON { outPath = "/o"; other = 1; }
