# source: NixOS manual, Option Types, Submodule: definitions of a submodule option from several modules are merged
# expect: { a = 1; b = 2; }
with import ../harness.nix;
(config [
  { options.s = mkOption { type = types.submodule { options.a = mkOption { type = types.int; }; options.b = mkOption { type = types.int; }; }; }; }
  { s.a = 1; }
  { s.b = 2; }
]).s
