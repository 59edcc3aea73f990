builtins.toFile "name.txt" "contents"
