# hasContext needs a string
builtins.hasContext ./helpers
