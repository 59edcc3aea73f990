{ ... }: { home.file."/home/hm-user/.profile-extra".text = "true\n"; }
