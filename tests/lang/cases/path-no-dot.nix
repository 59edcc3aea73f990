helpers/hello.txt
