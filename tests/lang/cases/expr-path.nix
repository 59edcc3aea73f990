./helpers/hello.txt
