builtins.typeOf (throw "typeOf forces")
