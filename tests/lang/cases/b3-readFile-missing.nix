builtins.readFile ./helpers/missing-file
