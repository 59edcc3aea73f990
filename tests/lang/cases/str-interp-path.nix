"${./helpers/hello.txt}"
