{ a = null; b = true; c = 1; d = 1.5; e = "s"; f = /p; g = [ ]; h = { }; i = x: x; }
