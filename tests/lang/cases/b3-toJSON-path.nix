builtins.toJSON ./helpers/hello.txt
