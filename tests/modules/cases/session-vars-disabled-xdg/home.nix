{ ... }: { xdg.enable = false; home.sessionVariables.X = "y"; }
