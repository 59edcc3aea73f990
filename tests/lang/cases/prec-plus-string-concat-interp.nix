"a" + "b" + toString (1 + 2)
