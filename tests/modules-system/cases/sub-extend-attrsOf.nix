# source: NixOS manual, Option Types, Extending submodules: attrsOf (submodule ...) declared twice merges the submodules
# expect: { x = { a = 1; b = 2; }; }
with import ../harness.nix;
(config [
  { options.m = mkOption { type = types.attrsOf (types.submodule { options.a = mkOption { type = types.int; default = 1; }; }); }; }
  { options.m = mkOption { type = types.attrsOf (types.submodule { options.b = mkOption { type = types.int; default = 2; }; }); }; }
  { m.x = { }; }
]).m
