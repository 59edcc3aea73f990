builtins.trace "with \"quotes\"\nnewline" null
