let a = let b = c; in b; in a
