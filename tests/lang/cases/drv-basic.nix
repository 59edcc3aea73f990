let d = derivation { name = "hello"; system = "x86_64-linux"; builder = "/bin/sh"; args = [ "-c" "echo" ]; }; in { inherit (d) name system type outPath drvPath; outputName = d.outputName; }
