builtins.hashFile "sha256" ./helpers/hello.txt
