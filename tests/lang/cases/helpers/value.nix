{ v = 42; s = "str"; }
