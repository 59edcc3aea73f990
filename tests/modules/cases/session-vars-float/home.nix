{ ... }: { home.sessionVariables.SCALE = 1.5; }
