{ ... }: { xdg.configFile."git/config".text = "[core]\n\teditor = vi\n"; }
