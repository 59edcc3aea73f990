{ ... }: {
  imports = [ ({ ... }: { home.sessionVariables.EDITOR = "vi"; }) ];
  home.sessionVariables.EDITOR = "nano";
}
