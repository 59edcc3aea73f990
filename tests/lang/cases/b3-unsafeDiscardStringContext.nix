let d = derivation { name = "d"; system = "x86_64-linux"; builder = "/bin/sh"; }; in builtins.hasContext (builtins.unsafeDiscardStringContext "${d}")
