{ ... }: { xdg.enable = true; }
