# appendContext adds plain paths, single outputs and whole derivations.
let ds = import ../fixtures/drvs.nix;
    p = builtins.unsafeDiscardStringContext "${../fixtures/hello.txt}";
    drv = builtins.unsafeDiscardStringContext ds.multi.drvPath;
    s = builtins.appendContext "text" {
      ${p} = { path = true; };
      ${drv} = { outputs = [ "lib" "dev" ]; allOutputs = true; };
    };
in { ctx = builtins.getContext s; inherit s; }
