# hashFile of a file in the store and of the original agree.
let p = "${../fixtures/tree}/bin/tool";
in [ (builtins.hashFile "sha256" p) (builtins.hashFile "sha1" ../fixtures/tree/bin/tool) ]
