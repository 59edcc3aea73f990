# A service module in the form packages ship it (nixpkgs' `passthru.services.default`, the
# NixOS manual's "Portability" section): it knows nothing of Home Manager and touches the
# systemd options only behind `options ? systemd`.
{ }:
{ config, lib, options, ... }:
let
  cfg = config.greeter;
in
{
  _class = "service";
  options.greeter = {
    package = lib.mkOption { type = lib.types.package; };
    greeting = lib.mkOption {
      type = lib.types.str;
      default = "hello";
    };
    port = lib.mkOption {
      type = lib.types.port;
      default = 8080;
    };
  };
  config = {
    assertions = [{
      assertion = cfg.port >= 1024;
      message = "greeter.port must be 1024 or above, not ${toString cfg.port}.";
    }];
    warnings = lib.optional (cfg.greeting == "") "greeter.greeting is empty: the greeter will say nothing.";
    process.argv = [
      (lib.getExe cfg.package)
      "--port"
      (toString cfg.port)
      "--config"
      config.configData."greeter.toml".path
    ];
    configData."greeter.toml".text = "greeting = \"${cfg.greeting}\"\n";
  } // lib.optionalAttrs (options ? systemd) {
    systemd.service = {
      after = [ "network.target" ];
      wants = [ "network.target" ];
      wantedBy = [ "multi-user.target" ];
      environment.GREETER_LOG = "info";
      serviceConfig = {
        Restart = "on-failure";
        DynamicUser = true;
        AmbientCapabilities = [ "CAP_NET_BIND_SERVICE" ];
      };
    };
  };
}
