{ ... }: { home.sessionVariables.HISTSIZE = 10000; }
