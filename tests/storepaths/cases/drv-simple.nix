# A derivation with one output.
let d = (import ../fixtures/drvs.nix).simple;
in { inherit (d) drvPath outPath name system builder type outputName; }
