{ ... }: { home.sessionPath = [ "$HOME/.local/bin" ]; }
