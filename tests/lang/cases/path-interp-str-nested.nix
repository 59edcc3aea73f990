let f = "hello.txt"; in builtins.readFile ./helpers/${f}
