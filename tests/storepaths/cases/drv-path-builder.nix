# A builder and arguments given as paths are copied to the store and become input sources.
let d = derivation { name = "path-builder"; system = "x86_64-linux"; builder = ../fixtures/run.sh; args = [ ../fixtures/tree ]; };
in { inherit (d) drvPath outPath; }
