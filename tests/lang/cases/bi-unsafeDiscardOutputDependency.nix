# unsafeDiscardOutputDependency turns a =drv context into a plain path context
let d = derivation { name = "d"; system = "x"; builder = "/b"; }; in builtins.getContext (builtins.unsafeDiscardOutputDependency (builtins.unsafeDiscardStringContext "x" + "${d.drvPath}"))
