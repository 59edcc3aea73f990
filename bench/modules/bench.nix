# evalModules over 500 generated options: 100 groups of 5 options (bool,
# str, list of strings, port, and an attrsOf submodule with two options of
# its own), declared by 100 modules and defined by 100 more with mkIf,
# mkDefault, mkMerge and mkAfter; the whole config is forced and hashed, so
# both evaluators must print the same hash.
let
  lib = import ../../lib;
  inherit (lib) mkOption types mkIf mkDefault mkMerge mkAfter;
  groups = 100;
  ids = builtins.genList (i: "g${toString i}") groups;

  declare = id: {
    _file = "/bench/declare-${id}.nix";
    options.${id} = {
      enable = lib.mkEnableOption id;
      name = mkOption { type = types.str; default = id; };
      list = mkOption { type = types.listOf types.str; default = [ ]; };
      port = mkOption { type = types.port; default = 1024; };
      users = mkOption {
        type = types.attrsOf (types.submodule ({ name, ... }: {
          options.home = mkOption { type = types.str; default = "/home/${name}"; };
          options.shell = mkOption { type = types.enum [ "bash" "zsh" "fish" ]; default = "bash"; };
        }));
        default = { };
      };
    };
  };

  define = i: id: { config, ... }: {
    _file = "/bench/define-${id}.nix";
    config = mkMerge [
      { ${id}.enable = i / 2 * 2 == i; }
      (mkIf config.${id}.enable {
        ${id} = {
          name = mkDefault "enabled-${id}";
          list = [ "a-${id}" "b-${id}" ];
          port = 2000 + i;
          users.alice = { };
          users.bob.shell = "zsh";
          users.carol = { home = "/srv/carol"; shell = "fish"; };
        };
      })
      { ${id}.list = mkAfter [ "last" ]; }
    ];
  };

  config = (lib.evalModules {
    modules = map declare ids ++ builtins.genList (i: define i (builtins.elemAt ids i)) groups;
  }).config;
in
builtins.hashString "sha256" (builtins.toJSON config)
