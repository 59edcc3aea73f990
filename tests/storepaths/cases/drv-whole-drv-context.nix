# A derivation depending on another's drvPath gets the whole closure as inputs.
let ds = import ../fixtures/drvs.nix;
    inner = ds.mk { name = "inner"; dep = ds.simple; src = ../fixtures/hello.txt; };
    d = ds.mk { name = "closure"; drv = inner.drvPath; };
in { inherit (d) drvPath outPath; }
