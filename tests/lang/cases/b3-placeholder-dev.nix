builtins.placeholder "dev"
