# hand-written: builtins.addDrvOutputDependencies is not in 2.8; current Nix's error (tests/functional/lang/eval-fail-addDrvOutputDependencies-*) for a plain path that is not a .drv
builtins.addDrvOutputDependencies "${./helpers/hello.txt}"
