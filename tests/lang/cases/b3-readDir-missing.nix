builtins.readDir ./helpers/missing-dir
