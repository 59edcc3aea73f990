builtins.listToAttrs { }
