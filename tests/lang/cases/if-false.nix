if false then 1 else 2
