builtins.getContext "${./helpers/hello.txt}"
