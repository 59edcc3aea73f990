{ ... }: { home.stateVersion = "17.03"; }
