<hello.txt>
