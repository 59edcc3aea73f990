with builtins; [ (hasContext "plain") (hasContext "${toFile "c.txt" "x"}") ]
