with builtins; [ (pathExists ./helpers/hello.txt) (pathExists ./helpers/nope) (pathExists ./helpers) (pathExists "/") ]
