builtins.stringLength { outPath = "abc"; }
