builtins.foldl' (a: b: b) 0 [ (throw "acc forced") 1 ]
