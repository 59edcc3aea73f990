let a = "a"; in { a.b = 1; } ? ${a}.b
