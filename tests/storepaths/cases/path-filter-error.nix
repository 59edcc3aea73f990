# An error inside the filter stops the copy and can be caught by tryEval.
[
  (builtins.tryEval (builtins.path { path = ../fixtures/tree; filter = path: type: throw "no"; })).success
  (builtins.tryEval (builtins.filterSource (path: type: assert type != "symlink"; true) ../fixtures/tree)).success
  (builtins.filterSource (path: type: type == "directory") ../fixtures/tree)
]
