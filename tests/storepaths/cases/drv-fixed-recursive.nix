# A recursive fixed-output derivation with a base-32 hash.
let d = (import ../fixtures/drvs.nix).fixedRec;
in { inherit (d) drvPath outPath; }
