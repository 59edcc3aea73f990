./helpers + ./hello.txt
