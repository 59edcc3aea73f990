builtins.getContext "plain"
