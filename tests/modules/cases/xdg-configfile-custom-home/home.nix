{ ... }: {
  xdg.configHome = "/home/hm-user/etc";
  xdg.configFile."tool/rc".text = "rc\n";
}
