{ a = { }; }.a.b.c or "deep"
