{ ... }: {
  xdg.configFile."both.conf" = { text = "from text\n"; source = ./src/both.conf; };
}
