builtins.unsafeGetAttrPos "a" { a.b = 1; }
