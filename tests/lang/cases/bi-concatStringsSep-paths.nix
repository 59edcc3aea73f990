builtins.concatStringsSep ":" [ "/a" ./helpers/hello.txt ]
