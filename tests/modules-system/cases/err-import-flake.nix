# source: nixpkgs lib/tests/modules.sh (_type check): a value of another _type (a flake, a configuration) cannot be imported as a module
# expect-error: Could not load a value as a module, because it is of type "flake", in file /my/flake.nix.
with import ../harness.nix;
config [ { _file = "/my/flake.nix"; imports = [ { _type = "flake"; outputs = { }; } ]; } ]
