# A chain of three derivations, the last one depending on the first two.
let mk = (import ../fixtures/drvs.nix).mk;
    a = mk { name = "a"; };
    b = mk { name = "b"; inherit a; };
    c = mk { name = "c"; inherit a b; src = ../fixtures/tree; };
in map (x: { inherit (x) drvPath outPath; }) [ a b c ]
