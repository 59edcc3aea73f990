{ ... }: {
  home.file.".config/forced".text = "forced\n";
  home.file.".config/forced".force = true;
  home.file.".links" = { source = ./src/links; recursive = true; ignorelinks = true; };
}
