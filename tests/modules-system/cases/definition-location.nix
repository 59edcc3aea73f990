# source: nixpkgs lib/modules.nix mkDefinition: a definition can carry its own file for error messages and options.files
# expect: [ "/generated/by-tool.nix" ]
with import ../harness.nix;
(eval [
  { options.x = mkOption { type = types.int; }; }
  { _file = "/real.nix"; x = lib.mkDefinition { file = "/generated/by-tool.nix"; value = 3; }; }
]).options.x.files
