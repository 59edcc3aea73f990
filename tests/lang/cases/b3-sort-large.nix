builtins.sort (a: b: a > b) (builtins.genList (i: i * 7 - (i / 3) * 20) 30)
