let f = x: 1; in f (abort "never")
