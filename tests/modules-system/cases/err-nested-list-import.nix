# source: nixpkgs lib/modules.nix: imports must be a flat list of modules
# expect-error: Module imports can't be nested lists. Perhaps you meant to remove one level of lists?
with import ../harness.nix;
config [ { imports = [ [ { } ] ]; } ]
