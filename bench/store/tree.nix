# A source tree of 2000 files in 40 directories (made by bench/store/run), added whole and
# through a filter.
[
  "${/tmp/hearth-bench-store-tree}"
  (builtins.filterSource (path: type: type == "directory" || builtins.substring 0 1 (baseNameOf path) != "1")
    /tmp/hearth-bench-store-tree)
]
