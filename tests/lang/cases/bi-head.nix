builtins.head [ "first" "second" ]
