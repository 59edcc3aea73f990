{ ... }: { xdg.configFile."hooks/post".text = "#!/bin/sh\n"; xdg.configFile."hooks/post".executable = true; }
