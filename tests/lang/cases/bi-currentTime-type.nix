# currentTime changes; its type does not
builtins.typeOf builtins.currentTime
