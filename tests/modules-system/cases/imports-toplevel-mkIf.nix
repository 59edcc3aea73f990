# source: nixpkgs lib/tests/modules.sh (define-enable-with-top-level-mkIf): a module may be a bare mkIf (or mkOverride) of its definitions
# expect: { a = true; b = 0; }
with import ../harness.nix;
config [
  { options.a = mkEnableOption "a"; options.b = mkOption { type = types.int; default = 0; }; }
  (mkIf true { a = true; })
  (mkIf false { b = 1; })
]
