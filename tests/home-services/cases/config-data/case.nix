# source: Home Manager's manual (home.services): configData.NAME is placed at
# $XDG_CONFIG_HOME/home-services/SERVICE/NAME, configData.NAME.path is that absolute path, and
# the files' store paths are the primary unit's X-Reload-Triggers; NixOS's configData options
# (text, source, enable; text made into a store file "service-configdata-NAME").
{
  home.services.web = { config, ... }: {
    process.argv = [ "/usr/bin/web" "--config" config.configData."web.toml".path ];
    configData."web.toml".text = "port = 8080\n";
    configData."tls/ca.pem".source = ./ca.pem;
    configData.unused = {
      text = "never written\n";
      enable = false;
    };
  };
}
