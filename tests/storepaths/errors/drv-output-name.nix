(derivation { name = "x"; system = "s"; builder = "/b"; outputs = [ "out" "drv" ]; }).drvPath
