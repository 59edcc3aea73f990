[ (builtins.match "b" "abc") (builtins.match ".*b.*" "abc") (builtins.match "abc" "abc") ]
