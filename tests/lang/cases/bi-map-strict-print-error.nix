map (x: x.a) [ { a = 1; } { } ]
