# source: nixpkgs lib/tests/modules.sh (class checks): an inline module is named by its _file in the class error
# expect-error: The module foo.nix#darwinModules.default was imported into nixos instead of darwin.
with import ../harness.nix;
(lib.evalModules { class = "nixos"; modules = [ { _file = "foo.nix#darwinModules.default"; _class = "darwin"; } ]; }).config
