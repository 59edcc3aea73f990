/a/b/c
