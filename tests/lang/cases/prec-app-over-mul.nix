let f = x: x + 1; in 2 * f 3
