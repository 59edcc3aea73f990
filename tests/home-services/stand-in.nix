# Stand-ins for the options home.services writes to that other modules declare in hearth
# (the `home` branch's xdg and assertions modules): `xdg.configFile` (text or source, made into
# a store file from text as Home Manager does), `xdg.configHome`, `assertions` and `warnings`.
# Only for tests that evaluate modules/home-services without the core modules.
{ lib, options, ... }:
let
  inherit (lib) mkOption types;
in
{
  options = {
    xdg.configFile = mkOption {
      type = types.attrsOf (types.submodule ({ name, config, ... }: {
        options = {
          enable = mkOption { type = types.bool; default = true; };
          text = mkOption { type = types.nullOr types.lines; default = null; };
          source = mkOption { type = types.path; };
        };
        config.source = lib.mkIf (config.text != null)
          (builtins.toFile (lib.replaceStrings [ "/" ] [ "-" ] (baseNameOf name)) config.text);
      }));
      default = { };
    };
    xdg.configHome = mkOption { type = types.str; default = "/home/alice/.config"; };
    assertions = mkOption { type = types.listOf types.unspecified; default = [ ]; };
    warnings = mkOption { type = types.listOf types.str; default = [ ]; };
  };
}
