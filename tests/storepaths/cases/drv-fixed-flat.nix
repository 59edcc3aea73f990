# A flat fixed-output derivation: its path depends only on its hash and name.
let d = (import ../fixtures/drvs.nix).fixedFlat;
in { inherit (d) drvPath outPath; }
