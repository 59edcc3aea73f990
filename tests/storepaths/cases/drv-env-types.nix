# How attribute values become environment strings: lists, booleans, null, numbers, paths
# (copied to the store), nested derivations.
let ds = import ../fixtures/drvs.nix;
    d = ds.mk {
      name = "env-types";
      aList = [ "a" 1 true false null [ "nested" ] ds.simple ];
      aTrue = true;
      aFalse = false;
      aNull = null;
      anInt = 42;
      aNegative = -7;
      aPath = ../fixtures/hello.txt;
      aDrv = ds.multi;
      aString = "plain";
    };
in { inherit (d) drvPath outPath; }
