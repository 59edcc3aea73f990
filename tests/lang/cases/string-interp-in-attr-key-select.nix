let s = { "a b" = 1; }; x = "a"; in s."${x} b"
