builtins.hashString "md5" "☃"
