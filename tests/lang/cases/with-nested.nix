with { a = 1; b = 2; }; with { b = 3; }; a + b
