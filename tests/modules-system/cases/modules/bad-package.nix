# Defines a package that is not a string.
{ packages = [ 42 ]; }
