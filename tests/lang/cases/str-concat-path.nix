"/prefix" + ./helpers/hello.txt
