# A float literal too big for a double is a syntax error, not inf
1.0e400
