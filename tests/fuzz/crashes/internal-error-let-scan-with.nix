let f = with { d = 1; }; d; in f
