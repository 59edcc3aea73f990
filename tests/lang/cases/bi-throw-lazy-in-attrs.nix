builtins.attrNames { a = throw "x"; b = 1; }
