# bitOr needs integers
builtins.bitOr 1 "a"
