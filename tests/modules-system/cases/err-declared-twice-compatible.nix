# source: NixOS manual, Option Declarations: an option may be declared in several modules if the declarations don't conflict; nixpkgs lib/modules.nix lists them in reverse module order
# expect: { declarations = [ "/b.nix" "/a.nix" ]; value = 1; }
with import ../harness.nix;
let e = eval [
  { _file = "/a.nix"; options.x = mkOption { type = types.int; default = 1; }; }
  { _file = "/b.nix"; options.x = mkOption { description = "x"; }; }
]; in { value = e.config.x; declarations = e.options.x.declarations; }
