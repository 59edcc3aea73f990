assert 1 == 2; "x"
