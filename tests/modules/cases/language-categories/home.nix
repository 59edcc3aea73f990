{ ... }: {
  home.language = {
    base = "en_GB.UTF-8";
    time = "de_DE.UTF-8";
    paper = "de_DE.UTF-8";
    monetary = "fr_FR.UTF-8";
  };
}
