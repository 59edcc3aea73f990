baseNameOf ./helpers/hello.txt
