# source: nixpkgs lib/modules.nix mkAliasOptionModule: the alias forwards definitions without a warning and reads the target
# expect: { short = [ "a" ]; target = [ "a" ]; }
with import ../harness.nix;
let c = config [
  { options.long.path.target = mkOption { type = types.listOf types.str; }; }
  (lib.mkAliasOptionModule [ "short" ] [ "long" "path" "target" ])
  { short = [ "a" ]; }
]; in { target = c.long.path.target; short = c.short; }
