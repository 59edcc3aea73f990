{ ... }: {
  home.file.".app" = { source = ./src/app; recursive = true; };
  home.file.".app/local.conf".text = "local\n";
}
