builtins.readFile ./helpers
