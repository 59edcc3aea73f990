# Dependencies on other derivations' outputs (several of one), a source and a fixed output.
let ds = import ../fixtures/drvs.nix;
    d = ds.mk {
      name = "dep";
      args = [ "-c" "cat ${ds.simple} ${ds.multi.dev} ${../fixtures/hello.txt} ${ds.fixedFlat} > $out" ];
      extra = "${ds.multi.lib}";
    };
in { inherit (d) drvPath outPath; ctx = builtins.getContext d.drvPath; }
