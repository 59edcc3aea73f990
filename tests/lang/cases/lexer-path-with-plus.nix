./a+b/c
