builtins.replaceStrings [ "" "" ] [ "1" "2" ] "ab"
