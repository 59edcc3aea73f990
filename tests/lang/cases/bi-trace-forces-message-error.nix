builtins.trace (throw "msg forced") 1
