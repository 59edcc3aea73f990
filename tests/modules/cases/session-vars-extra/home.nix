{ ... }: {
  home.sessionVariables.A = "1";
  home.sessionVariablesExtra = ''
    if [ -e "$HOME/.profile.local" ]; then . "$HOME/.profile.local"; fi
  '';
}
