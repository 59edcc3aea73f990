builtins.addErrorContext "ctx" 5
