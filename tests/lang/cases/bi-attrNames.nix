builtins.attrNames { b = 1; a = 2; "Z" = 3; "_" = 4; }
