# Several outputs: each gets its own path, named NAME-OUTPUT.
let d = (import ../fixtures/drvs.nix).multi;
in {
  inherit (d) drvPath outPath outputName;
  dev = d.dev.outPath;
  lib = d.lib.outPath;
  devName = d.dev.outputName;
  all = map (o: o.outputName) d.all;
  outputs = d.outputs;
  first = d.out.outPath == d.outPath;
}
