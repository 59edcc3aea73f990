let d = derivation { name = "d"; system = "x86_64-linux"; builder = "/bin/sh"; }; in builtins.attrValues (builtins.getContext d.drvPath)
