{ ... }: {
  home.file.".config/foo".text = "from home.file";
  xdg.configFile.foo.text = "from xdg";
}
