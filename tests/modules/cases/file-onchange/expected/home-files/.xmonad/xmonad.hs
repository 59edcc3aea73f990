main = xmonad def
