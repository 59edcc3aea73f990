{ ... }: {
  home.sessionSearchVariables.MANPATH = [ "$HOME/.local/share/man" "/opt/man" ];
}
