let x = 5; in assert x < 3 || x > 10; x
