# hand-written: builtins.addDrvOutputDependencies is not in 2.8; current Nix's error (tests/functional/lang/eval-fail-addDrvOutputDependencies-*) for a derivation output
let drv = derivation { name = "d"; system = "x"; builder = "/b"; outputs = [ "out" "foo" ]; }; in builtins.addDrvOutputDependencies drv.outPath
