builtins.split ".*" "abc"
