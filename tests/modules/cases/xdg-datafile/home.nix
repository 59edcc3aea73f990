{ ... }: { xdg.dataFile."applications/x.desktop".text = "[Desktop Entry]\nName=X\n"; }
