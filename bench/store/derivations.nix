# 400 derivations, each depending on the previous one and on a shared source and text.
let
  src = builtins.toFile "builder.sh" "echo building";
  step = prev: i: derivation {
    name = "step-${toString i}";
    system = "x86_64-linux";
    builder = "/bin/sh";
    args = [ src ];
    inherit prev;
    outputs = [ "out" "doc" ];
  };
  last = builtins.foldl' step null (builtins.genList (i: i) 400);
in [ last.drvPath last.outPath last.doc.outPath ]
