{ f = x: x; l = [ (y: y) builtins.map ]; }
