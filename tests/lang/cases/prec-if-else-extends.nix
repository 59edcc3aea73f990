(if true then 1 else 2) + (if false then 1 else 2) * 10
