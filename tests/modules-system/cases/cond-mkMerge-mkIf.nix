# source: NixOS manual, Option Definitions, Merging Configurations: config = mkMerge [ ... (mkIf cond { ... }) ]
# expect: { a = 1; b = 0; c = 3; }
with import ../harness.nix;
config [
  { options.a = mkOption { type = types.int; default = 0; };
    options.b = mkOption { type = types.int; default = 0; };
    options.c = mkOption { type = types.int; default = 0; }; }
  { config = mkMerge [ { a = 1; } (mkIf false { b = 2; }) (mkIf true { c = 3; }) ]; }
]
