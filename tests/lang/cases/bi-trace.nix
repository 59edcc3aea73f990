builtins.trace "a message" 42
