# source: nixpkgs lib/modules.nix pushDownProperties: mkIf on a set applies to each attribute below it
# expect: { a = { b = 1; c = 0; }; }
with import ../harness.nix;
config [
  { options.a.b = mkOption { type = types.int; default = 0; };
    options.a.c = mkOption { type = types.int; default = 0; }; }
  { a = mkIf true { b = 1; c = mkIf false 2; }; }
]
