# source: nixpkgs lib/tests/modules.sh (_type check): importing an evaluated configuration asks for its modules instead
# expect-error: Could not load a value as a module, because it is of type "configuration", in file /home.nix.
# expect-error-also: please only import the modules that make up the configuration
with import ../harness.nix;
let other = eval [ { options.x = mkOption { type = types.int; default = 1; }; } ]; in
config [ { _file = "/home.nix"; imports = [ other ]; } ]
