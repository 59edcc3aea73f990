# source: nixpkgs lib/modules.nix evalModules: extendModules { modules } evaluates again with more modules
# expect: { after = [ "a" "b" ]; before = [ "a" ]; }
with import ../harness.nix;
let
  e = eval [ { options.l = mkOption { type = types.listOf types.str; }; } { l = [ "a" ]; } ];
  e2 = e.extendModules { modules = [ { l = mkAfter [ "b" ]; } ]; };
in { before = e.config.l; after = e2.config.l; }
