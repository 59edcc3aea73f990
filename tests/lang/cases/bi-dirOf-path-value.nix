dirOf /a/b/c
