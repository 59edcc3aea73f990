builtins.fromJSON "[1, -1, 1.0, 1e2, -0.5, 12345678901234]"
