# The attribute set `derivation` returns.
let d = (import ../fixtures/drvs.nix).mk { name = "attrs"; outputs = [ "bin" "out" ]; foo = "bar"; };
in {
  names = builtins.attrNames d;
  binNames = builtins.attrNames d.bin;
  drvAttrs = d.drvAttrs;
  inherit (d) type outputName;
  isFirst = d.outPath == d.bin.outPath;
  outOutput = d.out.outputName;
  allCount = builtins.length d.all;
  str = "${d}";
  strict = builtins.attrNames (builtins.derivationStrict d.drvAttrs);
}
