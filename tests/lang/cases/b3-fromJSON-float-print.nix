builtins.fromJSON "[0.1, 1.5e10, 2E-3]"
