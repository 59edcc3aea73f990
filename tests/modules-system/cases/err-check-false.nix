# source: nixpkgs lib/modules.nix: `_module.check = false` disables the check for undeclared options
# expect: 1
with import ../harness.nix;
(config [
  { _module.check = false; }
  { options.real = mkOption { type = types.int; default = 1; }; }
  { bogus = 2; }
]).real
