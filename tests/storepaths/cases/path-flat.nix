# recursive = false stores a single file by its flat hash (a fixed-output path).
[
  (builtins.path { path = ../fixtures/run.sh; recursive = false; })
  (builtins.path { path = ../fixtures/hello.txt; recursive = false; name = "flat-hello"; })
]
