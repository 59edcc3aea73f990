let { a = b; b = 2; body = a * 10; }
