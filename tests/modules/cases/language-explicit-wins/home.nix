{ ... }: {
  home.language.base = "en_US.UTF-8";
  home.sessionVariables.LANG = "C.UTF-8";
}
