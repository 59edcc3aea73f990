let { a = 1; body = b; }
