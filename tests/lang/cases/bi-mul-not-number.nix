# mul needs numbers
builtins.mul 2 "3"
