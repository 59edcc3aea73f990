builtins.deepSeq { a = throw "deep forced"; } 1
