(derivation { name = "sa"; system = "x86_64-linux"; builder = "/bin/sh"; __structuredAttrs = true; x = [ 1 2 ]; }).drvPath
