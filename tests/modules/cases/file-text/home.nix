{ ... }: { home.file.".gitconfig".text = "[user]\n  name = Jane\n"; }
