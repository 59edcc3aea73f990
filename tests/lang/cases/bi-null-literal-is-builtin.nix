builtins.null == null
