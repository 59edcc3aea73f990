builtins.match "[[:space:]]*([[:alpha:]]+)[[:space:]]*" "  word  "
