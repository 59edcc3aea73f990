__sub 10 3
