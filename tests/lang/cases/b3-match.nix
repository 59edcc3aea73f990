builtins.match "a(b)(c)?" "ab"
