# Where a modular service's configData files are: `CONFIGHOME/home-services/DIR/NAME`, DIR
# being the service's name, or for a sub-service its parent's DIR and its own name joined by a
# dash (the same name its units get).
#
# A function of the home's XDG config directory, giving the module that sets every
# `configData.<name>.path` of a top-level service and (through `services`) of its sub-services.
configHome:

let
  pathsModule = parentDir: { lib, name, ... }:
    let
      dir = parentDir + name;
    in
    {
      _class = "service";
      options = {
        configData = lib.mkOption {
          type = lib.types.lazyAttrsOf (lib.types.submodule ({ config, ... }: {
            config.path = lib.mkDefault "${configHome}/home-services/${dir}/${config.name}";
          }));
        };
        services = lib.mkOption {
          type = lib.types.attrsOf (lib.types.submoduleWith {
            class = "service";
            modules = [ (pathsModule "${dir}-") ];
          });
        };
      };
    };
in
pathsModule ""
