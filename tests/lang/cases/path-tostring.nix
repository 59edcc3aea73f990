toString ./helpers/hello.txt
