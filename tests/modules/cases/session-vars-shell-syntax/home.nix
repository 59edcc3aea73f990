{ ... }: {
  home.sessionVariables = {
    PAGER = "less -R";
    GOPATH = "$HOME/go";
    BROWSER = "\${BROWSER:-firefox}";
  };
}
