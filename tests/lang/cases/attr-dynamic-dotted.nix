let n = "x"; in { ${n}.y = 1; ${n}.z = 2; }
