let v = 3; in { a = v; b = [ v ]; }
