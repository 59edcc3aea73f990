builtins.parseDrvName "hello-world-5"
