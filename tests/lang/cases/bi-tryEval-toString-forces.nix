builtins.tryEval (toString (throw "in toString"))
