# hand-written: builtins.addDrvOutputDependencies is not in 2.8 (added in Nix 2.18, stable); expectation from current Nix's manual (the inverse of unsafeDiscardOutputDependency, idempotent)
let
  d = derivation { name = "d"; system = "x"; builder = "/b"; };
  plain = builtins.unsafeDiscardOutputDependency d.drvPath;
  deep = builtins.addDrvOutputDependencies plain;
  ctx = builtins.getContext deep;
in [ (builtins.attrNames ctx == [ d.drvPath ]) (builtins.attrValues ctx) (builtins.getContext (builtins.addDrvOutputDependencies deep) == ctx) (deep == d.drvPath) (builtins.getContext plain == { ${builtins.unsafeDiscardStringContext d.drvPath} = { path = true; }; }) ]
