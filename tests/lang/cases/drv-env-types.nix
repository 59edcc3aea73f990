(derivation { name = "e"; system = "x86_64-linux"; builder = "/bin/sh"; i = 1; b = true; f = false; n = null; l = [ "a" 1 ]; p = ./helpers/hello.txt; }).drvPath
