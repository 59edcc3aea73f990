# A float literal that underflows to a subnormal is a syntax error
x: 1.0e-320
