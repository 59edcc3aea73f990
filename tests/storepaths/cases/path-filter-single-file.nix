# The filter is never called for the root itself, so filtering a single file keeps it.
builtins.path { path = ../fixtures/hello.txt; filter = path: type: false; }
