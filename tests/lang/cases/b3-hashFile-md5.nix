builtins.hashFile "md5" ./helpers/hello.txt
