{ ... }: {
  home.file.kept.text = "kept\n";
  home.file.dropped = { text = "dropped\n"; enable = false; };
}
