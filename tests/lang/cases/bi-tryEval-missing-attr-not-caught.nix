builtins.tryEval { }.x
