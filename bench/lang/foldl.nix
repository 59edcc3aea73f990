# foldl' over a 1,000,000-element list made by genList: list building, strict folding, primop calls.
builtins.foldl' (acc: x: acc + x * 2) 0 (builtins.genList (i: i) 1000000)
