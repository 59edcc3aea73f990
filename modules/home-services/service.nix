# The portable part of a modular service (`_class = "service"`): what a service is, whatever
# runs it. Service modules that packages ship (`pkgs.NAME.passthru.services.default`) set these
# options and only touch `systemd.*` behind `options ? systemd`, so they load here unchanged.
#
# Owns: `process.argv`, `configData.<name>` (./config-data.nix), `services.<name>` (sub-services,
# each a service of its own), and `assertions`/`warnings`, which home.services lifts into Home
# Manager's with the service's option path in front (./default.nix).
#
# Facts from the NixOS manual's "Modular Services" chapter and its option reference; the code
# is ours.
{ lib, ... }:

let
  inherit (lib) mkOption types;

  # A path argument is copied into the store, as everywhere in Nix; a string stays as it is.
  pathOrStr = types.coercedTo types.path (p: "${p}") types.str;
in
{
  _class = "service";

  options = {
    process.argv = mkOption {
      type = types.listOf pathOrStr;
      example = lib.literalExpression ''[ (lib.getExe config.package) "--foreground" ]'';
      description = ''
        The command that runs the service: its program and arguments, one element each, with
        no shell quoting. The service manager passes them as they are; for variables or shell
        syntax, run a script.
      '';
    };

    configData = mkOption {
      type = types.lazyAttrsOf (types.submodule ./config-data.nix);
      default = { };
      example = lib.literalExpression ''
        {
          "server.conf".text = "port = 8080\n";
          "tls/ca.pem".source = ./ca.pem;
        }
      '';
      description = ''
        Configuration files for the service. Home Manager places each one at
        `$XDG_CONFIG_HOME/home-services/SERVICE/NAME`, gives that absolute path back in
        `configData.NAME.path`, and restarts (or reloads) the service when one changes.
      '';
    };

    services = mkOption {
      type = types.attrsOf (types.submoduleWith {
        class = "service";
        modules = [ ./service.nix ];
      });
      default = { };
      # The type contains itself: documentation lists this option, not its endless sub-options.
      visible = "shallow";
      description = ''
        Services that belong to this one and are configured with it. Their units are named
        after this service and theirs, joined by a dash (`PARENT-SUB.service`). Nothing else
        ties them together unless their own configuration says so.
      '';
    };

    assertions = mkOption {
      type = types.listOf (types.submodule {
        options = {
          assertion = mkOption {
            type = types.bool;
            description = "What must hold.";
          };
          message = mkOption {
            type = types.str;
            description = "What is wrong when it does not.";
          };
        };
      });
      default = [ ];
      internal = true;
      description = "Conditions the service's configuration must meet.";
    };

    warnings = mkOption {
      type = types.listOf types.str;
      default = [ ];
      internal = true;
      description = "Warnings to show about the service's configuration.";
    };
  };
}
