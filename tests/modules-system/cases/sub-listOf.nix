# source: NixOS manual, Option Types, Submodule: listOf (submodule ...) evaluates each element as a submodule with defaults
# expect: [ { name = "a"; port = 1; } { name = "b"; port = 2; } ]
with import ../harness.nix;
(config [
  { options.l = mkOption { type = types.listOf (types.submodule { options.name = mkOption { type = types.str; }; options.port = mkOption { type = types.int; default = 1; }; }); }; }
  { l = [ { name = "a"; } { name = "b"; port = 2; } ]; }
]).l
