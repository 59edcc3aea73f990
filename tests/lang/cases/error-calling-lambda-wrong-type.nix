(x: x.y) 5
