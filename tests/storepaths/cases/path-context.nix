# The store path of an interpolated file carries itself as context.
let s = "see ${../fixtures/hello.txt} and ${../fixtures/tree}";
in { inherit s; ctx = builtins.getContext s; has = builtins.hasContext s; }
