(derivation { name = "a b"; system = "s"; builder = "/b"; }).drvPath
