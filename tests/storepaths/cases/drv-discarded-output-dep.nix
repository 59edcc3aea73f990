# A drvPath without its output dependency is an input source, not an input derivation.
let ds = import ../fixtures/drvs.nix;
    d = ds.mk { name = "discarded"; drv = builtins.unsafeDiscardOutputDependency ds.multi.drvPath; };
in { inherit (d) drvPath outPath; }
