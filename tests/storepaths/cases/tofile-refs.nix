# toFile referring to sources and to other toFile results: references are part of the path.
let a = builtins.toFile "a.txt" "A";
    r = builtins.toFile "refs.txt" "see ${../fixtures/hello.txt} and ${a} and ${../fixtures/tree}";
in { inherit r; ctx = builtins.getContext r; }
