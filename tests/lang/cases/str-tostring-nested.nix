toString [ 1 "a" [ 2 null ] true false 1.5 ]
