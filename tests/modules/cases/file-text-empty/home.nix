{ ... }: { home.file.".hushlogin".text = ""; }
