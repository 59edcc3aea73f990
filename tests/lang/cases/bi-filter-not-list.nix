builtins.filter (x: true) { }
