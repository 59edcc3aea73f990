let x = 1; in builtins.unsafeGetAttrPos "x" { inherit x; }
