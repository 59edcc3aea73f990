<hlp/./hello.txt>
