[ (builtins.match "^a$" "a") (builtins.match "a|b" "b") (builtins.match "(a|b)*" "abab") ]
