let d = derivation { name = "t"; system = "x86_64-linux"; builder = "/bin/sh"; }; in toString d == d.outPath
