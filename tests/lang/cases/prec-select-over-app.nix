let s = { f = x: x * 10; }; in s.f 2
