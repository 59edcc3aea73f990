builtins.pathExists "/definitely/not/here"
