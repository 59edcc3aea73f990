# getContext shows plain paths, single outputs and whole derivations as Nix does.
let ds = import ../fixtures/drvs.nix;
    s = "${ds.simple} ${ds.multi.dev} ${ds.multi.lib} ${ds.simple.drvPath} ${../fixtures/hello.txt}";
in builtins.getContext s
