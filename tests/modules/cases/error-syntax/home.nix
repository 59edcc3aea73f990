{ ... }: {
  home.sessionVariables.A = "1"
  home.sessionVariables.B = "2";
}
