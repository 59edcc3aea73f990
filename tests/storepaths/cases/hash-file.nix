# hashFile with every algorithm.
map (t: builtins.hashFile t ../fixtures/special.txt) [ "md5" "sha1" "sha256" "sha512" ]
