# bitXor needs integers
builtins.bitXor 1.5 1
