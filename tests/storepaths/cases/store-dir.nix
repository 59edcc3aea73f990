# Interpolating a store path that is already a string adds nothing new.
let p = "${../fixtures/hello.txt}";
in [ "${p}" (builtins.toString ../fixtures/hello.txt == toString ../fixtures/hello.txt) ]
