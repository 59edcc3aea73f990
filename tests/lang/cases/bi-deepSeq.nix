builtins.deepSeq { a.b.c = 1; } "ok"
