let d = derivation { name = "pkg-1.0"; system = "x86_64-linux"; builder = "/bin/sh"; }; in [ d.name (builtins.parseDrvName d.name).version ]
