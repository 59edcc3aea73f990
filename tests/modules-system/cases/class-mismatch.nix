# source: nixpkgs lib/modules.nix collectModules: a module whose _class differs from the evaluation's class is rejected
# expect-error: The module @DIR@/modules/darwin-only.nix was imported into homeManager instead of darwin.
with import ../harness.nix;
(lib.evalModules { class = "homeManager"; modules = [ ./modules/darwin-only.nix ]; }).config
