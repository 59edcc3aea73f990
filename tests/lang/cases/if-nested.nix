if 1 > 2 then "a" else if 2 > 1 then "b" else "c"
