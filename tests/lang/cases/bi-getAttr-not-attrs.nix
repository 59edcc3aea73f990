builtins.getAttr "a" [ ]
