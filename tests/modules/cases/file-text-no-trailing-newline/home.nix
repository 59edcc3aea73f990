{ ... }: { home.file."motd".text = "hello"; }
