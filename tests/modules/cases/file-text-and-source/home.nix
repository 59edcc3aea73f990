{ ... }: {
  # Home Manager links `source`; `text` only makes the default source.
  home.file.".both" = { text = "from text\n"; source = ./src/both; };
}
