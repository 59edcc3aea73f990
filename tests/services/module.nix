# Evaluates modules/systemd.nix with the library at `lib` and the user configuration `config`,
# next to a stand-in for the `xdg.configFile` option (declared by another module in hearth), and
# returns the files it asks for as { "systemd/user/NAME.TYPE" = TEXT; ... }.
{ lib, module, config }:
let
  stand-in = { lib, ... }: {
    options.xdg.configFile = lib.mkOption {
      type = lib.types.attrsOf (lib.types.submodule {
        options.text = lib.mkOption { type = lib.types.str; };
      });
      default = { };
    };
  };
  evaluated = lib.evalModules { modules = [ stand-in module config ]; };
in
builtins.mapAttrs (_: file: file.text) evaluated.config.xdg.configFile
