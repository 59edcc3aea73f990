# toPath normalises an absolute path string
[ (builtins.toPath "/a/b/../c//d/.") (builtins.toPath ./helpers) ]
