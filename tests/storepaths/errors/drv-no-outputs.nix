(derivation { name = "x"; system = "s"; builder = "/b"; outputs = []; }).outPath
