let f = x: x.a; in f { b = 1; }
