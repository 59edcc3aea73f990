let f = x: x; in - f 3
