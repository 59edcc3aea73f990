# source: nixpkgs lib/modules.nix: a disabledModules item may be an attribute set with a `key`
# expect: [ "kept" ]
with import ../harness.nix;
let extra = { key = "extra"; packages = [ "dropped" ]; }; in
(config [
  ./modules/packages.nix
  extra
  { packages = [ "kept" ]; }
  { disabledModules = [ { key = "extra"; } ]; }
]).packages
