# A toFile result with references used in a derivation.
let ds = import ../fixtures/drvs.nix;
    script = builtins.toFile "builder.sh" "source ${../fixtures/run.sh}\n";
    d = ds.mk { name = "uses-script"; args = [ script ]; };
in { inherit (d) drvPath outPath; inherit script; }
