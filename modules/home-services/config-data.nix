# One `configData.<name>` entry of a modular service: a file the service reads.
#
# Owns: `enable`, `name` (the file's path under the service's directory, the attribute name
# by default), `text`, `source` (the store file made from `text` when that is set) and `path`
# (read-only: where the file is in the home directory, set by ./paths.nix).
#
# `text` becomes a store file with `builtins.toFile`, so it is made by the evaluator itself
# and needs no builder; its name, `service-configdata-NAME`, follows NixOS.
{ lib, name, config, options, ... }:

let
  inherit (lib) mkOption types;

  # Store names may not hold '/' (names like "tls/ca.pem") nor a few other characters.
  storeName = "service-configdata-" + lib.replaceStrings [ "/" " " "@" ] [ "-" "-" "-" ] name;
in
{
  options = {
    enable = mkOption {
      type = types.bool;
      default = true;
      description = "Whether this file is made. `false` leaves it out (and out of the unit).";
    };

    name = mkOption {
      type = types.str;
      description = "The file's name under the service's directory; the attribute name by default.";
    };

    path = mkOption {
      type = types.str;
      readOnly = true;
      description = ''
        The absolute path where the service finds the file:
        `$XDG_CONFIG_HOME/home-services/SERVICE/NAME`.
      '';
    };

    text = mkOption {
      type = types.nullOr types.lines;
      default = null;
      description = "The file's text. Set this or `source`.";
    };

    source = mkOption {
      type = types.path;
      description = "The file to use. Made from `text` when that is set.";
    };
  };

  config = {
    name = lib.mkDefault name;
    source = lib.mkIf (config.text != null)
      (lib.mkDerivedConfig options.text (builtins.toFile storeName));
  };
}
