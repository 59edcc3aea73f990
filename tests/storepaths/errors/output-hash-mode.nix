derivation { name = "x"; system = "s"; builder = "/b"; outputHashMode = "deep"; outputHash = "5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03"; outputHashAlgo = "sha256"; }
