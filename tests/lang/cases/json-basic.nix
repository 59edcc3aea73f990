{ a = 1; b = "s"; c = [ true false null ]; d = 1.5; e = { }; f = [ ]; }
