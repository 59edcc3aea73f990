builtins.typeOf ./helpers
