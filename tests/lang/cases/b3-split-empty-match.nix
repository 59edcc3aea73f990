builtins.split "a*" "baac"
