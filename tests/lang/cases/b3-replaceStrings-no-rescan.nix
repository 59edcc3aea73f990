builtins.replaceStrings [ "a" ] [ "aa" ] "aa"
