builtins.toJSON [ 0.1 1.0 1.0e21 1.5e-7 (1.0 / 3) ]
