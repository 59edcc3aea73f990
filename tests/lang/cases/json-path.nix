{ p = ./helpers/hello.txt; }
