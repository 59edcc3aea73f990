let d = derivation { name = "m"; system = "x86_64-linux"; builder = "/bin/sh"; outputs = [ "a" "b" ]; }; in [ (d.a.drvPath == d.b.drvPath) (d.outPath == d.a.outPath) d.outputName ]
