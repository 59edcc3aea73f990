# source: nixpkgs lib/tests/modules.sh (submoduleWith shorthandOnlyDefinesConfig): a value where the module system expects a set of definitions names the module; the path is the module set's prefix (the submodule), since the value is the whole `config`
# expect-error: In module `/define.nix', you're trying to define a value of type `bool'
# expect-error: rather than an attribute set for the option
# expect-error: `submodule'!
with import ../harness.nix;
(config [
  { options.submodule = mkOption {
      type = types.submoduleWith { modules = [ { options.config = mkOption { type = types.bool; }; } ]; };
    }; }
  { _file = "/define.nix"; submodule.config = true; }
]).submodule.config
