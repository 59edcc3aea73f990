{ ... }: { home.file.".local/share/app/deep/er/file.conf".text = "k=v\n"; }
