# toPath refuses a relative path
builtins.toPath "a/b"
