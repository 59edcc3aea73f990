{ ... }: { home.file.".local/share/x/.keep".text = ""; }
