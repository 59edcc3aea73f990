# placeholder names an output before its path is known.
[ (builtins.placeholder "out") (builtins.placeholder "dev") (builtins.hasContext (builtins.placeholder "out")) ]
