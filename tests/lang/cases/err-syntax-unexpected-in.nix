in 1
