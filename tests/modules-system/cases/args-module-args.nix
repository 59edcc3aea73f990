# source: NixOS manual, Writing NixOS Modules: `_module.args` makes arguments available to every module
# expect: "pkgs-value"
with import ../harness.nix;
(config [
  { _module.args.pkgs = { hello = "pkgs-value"; }; }
  ({ pkgs, ... }: { options.x = mkOption { type = types.str; default = pkgs.hello; }; })
]).x
