let f = { __functor = self: { a, b ? 2 }: a + b + self.c; c = 10; }; in f { a = 1; }
