(derivation { name = "bp"; system = "x86_64-linux"; builder = ./helpers/hello.txt; }).drvPath
