builtins.head
