let a-1 = 5; in a-1
