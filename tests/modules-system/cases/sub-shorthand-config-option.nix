# source: nixpkgs lib/tests/modules.sh: with types.submodule (shorthandOnlyDefinesConfig), a definition `config = ...` sets an option named config
# expect: true
with import ../harness.nix;
(config [
  { options.submodule = mkOption { type = types.submodule { options.config = mkOption { type = types.bool; }; }; }; }
  { submodule.config = true; }
]).submodule.config
