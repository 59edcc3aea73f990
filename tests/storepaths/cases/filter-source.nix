# filterSource keeps the base name and drops what the filter drops.
builtins.filterSource (path: type: baseNameOf path != "long" && baseNameOf path != "bin")
  ../fixtures/tree
