let f1 = builtins.toFile "a.txt" "A"; in builtins.toFile "b.txt" "ref ${f1}"
