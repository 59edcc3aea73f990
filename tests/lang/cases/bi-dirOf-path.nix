builtins.typeOf (dirOf ./helpers/hello.txt)
