./helpers + "/hello.txt"
