builtins.readDir ./helpers/rd
