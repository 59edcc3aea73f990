let d = derivation { name = "multi"; system = "x86_64-linux"; builder = "/bin/sh"; outputs = [ "out" "dev" ]; }; in [ d.outputs d.dev.outPath d.out.outPath d.dev.outputName (builtins.attrNames d) ]
