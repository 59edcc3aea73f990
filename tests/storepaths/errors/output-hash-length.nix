derivation { name = "x"; system = "s"; builder = "/b"; outputHash = "abc"; outputHashAlgo = "sha256"; }
