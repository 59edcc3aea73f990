builtins.toXML ./helpers/hello.txt
