{ ... }: {
  xdg.configFile.c.text = "c";
  xdg.dataFile.d.text = "d";
  xdg.stateFile.s.text = "s";
  xdg.cacheFile.k.text = "k";
}
