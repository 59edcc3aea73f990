builtins.typeOf (builtins.map (x: x))
