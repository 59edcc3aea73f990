builtins.getContext (builtins.toFile "ctx.txt" "x")
