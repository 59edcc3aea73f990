builtins.hashString "sha1" ""
