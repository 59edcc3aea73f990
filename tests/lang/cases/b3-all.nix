[ (builtins.all (x: x > 0) [ 1 3 ]) (builtins.all (x: x > 2) [ 1 3 ]) (builtins.all (x: x) [ ]) ]
