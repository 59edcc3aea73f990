# source: nixpkgs lib/modules.nix applyModuleArgs: a module argument nobody provides is a missing attribute of _module.args
# expect-error: attribute 'pkgs' missing
with import ../harness.nix;
(config [
  ({ pkgs, ... }: { options.x = mkOption { type = types.int; default = pkgs.one; }; })
]).x
