builtins.hasContext "${./helpers/hello.txt}"
