builtins.tryEval (builtins.deepSeq { a = throw "inside"; } 1)
