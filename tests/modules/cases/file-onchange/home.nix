{ ... }: {
  home.file.".xmonad/xmonad.hs" = {
    text = "main = xmonad def\n";
    onChange = "xmonad --recompile";
  };
}
