let f = with { v = 1; }; y: v + y; in f 1
