# hashString with every algorithm, and its result has no context.
let s = "hello ${../fixtures/hello.txt}";
in map (t: builtins.hashString t s) [ "md5" "sha1" "sha256" "sha512" ]
  ++ [ (builtins.hasContext (builtins.hashString "sha256" s)) (builtins.hashString "sha256" "") ]
