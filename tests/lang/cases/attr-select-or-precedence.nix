let a = { b = null; }; in a.b or 1
