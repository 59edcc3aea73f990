# The same text twice is one store object; a different name is another.
let a = builtins.toFile "same.txt" "same";
    b = builtins.toFile "same.txt" "same";
    c = builtins.toFile "other.txt" "same";
in [ a (a == b) c ]
