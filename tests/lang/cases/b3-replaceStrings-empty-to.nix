builtins.replaceStrings [ "a" ] [ "" ] "banana"
