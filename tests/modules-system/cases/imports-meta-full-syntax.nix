# source: nixpkgs lib/modules.nix unifyModuleSyntax: a module with `options`/`config` may also set `meta`, which becomes a definition of the meta option
# expect: [ "jdoe" ]
with import ../harness.nix;
(config [
  { options.meta.maintainers = mkOption { type = types.listOf types.str; default = [ ]; }; }
  { meta.maintainers = [ "jdoe" ]; options.x = mkOption { type = types.int; default = 1; }; }
]).meta.maintainers
