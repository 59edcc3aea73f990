{ ... }: { home.homeDirectory = "relative/home"; }
