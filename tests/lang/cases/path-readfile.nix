builtins.readFile ./helpers/hello.txt
