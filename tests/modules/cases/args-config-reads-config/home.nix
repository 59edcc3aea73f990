{ config, ... }: {
  home.file.whoami.text = "${config.home.username} ${config.home.homeDirectory} ${config.xdg.configHome}\n";
}
