[ (builtins.any (x: x > 2) [ 1 3 ]) (builtins.any (x: x > 5) [ 1 3 ]) (builtins.any (x: x) [ ]) ]
