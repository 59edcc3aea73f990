let x = { a = 1; self = x; }; in x.self.self.a
