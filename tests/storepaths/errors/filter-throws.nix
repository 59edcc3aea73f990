builtins.path { path = ../fixtures/tree; filter = path: type: throw "filter says no to ${baseNameOf path}"; }
