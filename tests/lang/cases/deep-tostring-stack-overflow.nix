# A list nested 1,000,000 deep: coercing it to a string overflows the stack (an error, no crash).
toString (builtins.foldl' (a: b: [ a ]) [ ] (builtins.genList (x: x) 1000000))
