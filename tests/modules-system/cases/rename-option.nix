# source: nixpkgs lib/modules.nix mkRenamedOptionModule: definitions of the old path go to the new one, with a warning
# expect: { new = "value"; warnings = [ "The option `old' defined in `/home/jdoe/.config/home-manager/home.nix' has been renamed to `new'." ]; }
with import ../harness.nix;
let c = config [
  { options.warnings = mkOption { type = types.listOf types.str; default = [ ]; };
    options.new = mkOption { type = types.str; }; }
  (lib.mkRenamedOptionModule [ "old" ] [ "new" ])
  { _file = home; old = "value"; }
]; in { inherit (c) new warnings; }
