{ f = { a, b ? 1, ... }@args: a; g = x: x; }
