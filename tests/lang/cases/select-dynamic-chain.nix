let a = "a"; b = "b"; in { a.b.c = 3; }.${a}.${b}.c
