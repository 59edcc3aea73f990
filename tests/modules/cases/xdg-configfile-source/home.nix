{ ... }: { xdg.configFile."starship.toml".source = ./src/starship.toml; }
