# Outputs are kept sorted in the .drv whatever order they are given in; the first one given is
# the default.
let mk = (import ../fixtures/drvs.nix).mk;
    d = mk { name = "order"; outputs = [ "lib" "out" "bin" ]; };
in { inherit (d) drvPath outPath outputName; bin = d.bin.outPath; }
