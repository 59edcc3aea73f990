let a-b'c_d = 1; _x = 2; in a-b'c_d + _x
