builtins.seq { a = throw "not forced"; } 1
