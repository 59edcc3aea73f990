{ a = 1; b = "s"; c = [ true null ]; d = 1.5; }
