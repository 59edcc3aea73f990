with { a = 1; }; with { b = 2; }; with { c = 3; }; with { d = 4; }; a + b + c + d
