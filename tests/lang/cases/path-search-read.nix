builtins.readFile <hlp/hello.txt>
