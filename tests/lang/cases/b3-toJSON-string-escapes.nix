builtins.toJSON "quote\" backslash\\ newline\n tab\t ctrl\u0001"
