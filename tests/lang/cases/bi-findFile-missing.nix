# findFile fails as <...> does when nothing matches
builtins.findFile [ { prefix = "h"; path = ./helpers; } ] "h/no-such-file"
