[ (x: x) builtins.head (builtins.map (x: x)) ]
