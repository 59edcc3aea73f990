# source: nixpkgs lib/modules.nix: a module with the evaluation's _class (or none) is accepted
# expect: { }
with import ../harness.nix;
(lib.evalModules { class = "darwin"; modules = [ ./modules/darwin-only.nix { } ]; }).config
