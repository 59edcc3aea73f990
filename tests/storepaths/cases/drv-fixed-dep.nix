# Depending on a fixed-output derivation: only its output hash counts, so two fixed-output
# derivations with the same hash and name but different builders give dependents the same path.
let mk = (import ../fixtures/drvs.nix).mk;
    f1 = mk { name = "src"; outputHashAlgo = "sha256"; outputHash = "5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03"; };
    f2 = f1.drvAttrs // { builder = "/bin/bash"; };
    u1 = mk { name = "user"; src = f1; };
    u2 = mk { name = "user"; src = derivation f2; };
in { same = u1.outPath == u2.outPath; drvsDiffer = u1.drvPath != u2.drvPath; inherit (u1) outPath drvPath; u2drv = u2.drvPath; }
