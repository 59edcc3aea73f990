builtins.match "" ""
