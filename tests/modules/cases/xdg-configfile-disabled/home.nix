{ ... }: { xdg.configFile.off = { text = "off"; enable = false; }; xdg.configFile.on.text = "on"; }
