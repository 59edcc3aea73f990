builtins.readFile (toString ./helpers/hello.txt)
