{ ... }: {
  home.sessionVariables.EDITOR = "vi";
  home.sessionPath = [ "$HOME/bin" ];
  home.sessionSearchVariables.INFOPATH = [ "$HOME/info" ];
}
