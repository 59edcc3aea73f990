./helpers/../helpers/./hello.txt
