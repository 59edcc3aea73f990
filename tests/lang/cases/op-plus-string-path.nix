"a" + ./helpers/hello.txt
