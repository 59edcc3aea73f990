# __structuredAttrs: all attributes in one JSON object, __json (written as builtins.toJSON
# writes it, paths copied to the store, contexts kept).
let ds = import ../fixtures/drvs.nix;
    d = derivation {
      name = "structured";
      system = "x86_64-linux";
      builder = "/bin/sh";
      __structuredAttrs = true;
      args = [ "-c" "true" ];
      outputs = [ "out" "dev" ];
      number = 42;
      float = 1.5;
      flags = [ true false null ];
      nested = { b = "x\ny"; a = [ ds.simple ]; };
      src = ../fixtures/hello.txt;
      dep = "${ds.multi.dev}";
    };
    f = derivation {
      name = "structured-fixed";
      system = "x86_64-linux";
      builder = "/bin/sh";
      __structuredAttrs = true;
      outputHash = "sha256-WJG1tSLV3whtD/CxEPvZ0hu0/HFjrzTQgoai6Eb2vgM=";
    };
in { inherit (d) drvPath outPath; dev = d.dev.outPath; fixed = f.outPath; fixedDrv = f.drvPath; }
