# builtins.path with another name.
builtins.path { path = ../fixtures/tree; name = "renamed-tree"; }
