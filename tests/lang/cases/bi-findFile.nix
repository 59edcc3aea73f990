# findFile searches a list of { prefix; path; } sets as <...> does
[ (builtins.findFile [ { prefix = "nope"; path = ./helpers/nodefault; } { prefix = "h"; path = ./helpers; } ] "h/hello.txt") (builtins.findFile [ { path = ./helpers; } ] "dir") ]
