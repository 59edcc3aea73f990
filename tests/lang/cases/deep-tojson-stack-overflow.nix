# A list nested 3,000,000 deep: toJSON overflows the stack (an error, no crash).
builtins.toJSON (builtins.foldl' (a: b: [ a ]) [ ] (builtins.genList (x: x) 3000000))
