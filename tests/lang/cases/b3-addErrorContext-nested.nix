builtins.addErrorContext "outer context" (builtins.addErrorContext "inner context" (throw "boom"))
