{ x = with { y = 1; }; y; }
