<hlp/hello.txt>
