builtins.split "([[:digit:]])(x)?" "a1b2xc"
