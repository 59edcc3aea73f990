# source: nixpkgs lib/modules.nix unifyModuleSyntax: `_file` names the module in definitions and errors
# expect: [ "/etc/custom.nix" ]
with import ../harness.nix;
(eval [
  { options.x = mkOption { type = types.int; }; }
  { _file = "/etc/custom.nix"; x = 1; }
]).options.x.files
