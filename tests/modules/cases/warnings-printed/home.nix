{ ... }: {
  warnings = [ "the first thing to know" "the second thing to know" ];
  home.file.kept.text = "still built\n";
}
