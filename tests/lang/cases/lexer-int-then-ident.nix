let x = 2; in x-1
