builtins.readDir ./helpers/hello.txt
