let mk = n: x: n + x; add5 = mk 5; in add5 10
