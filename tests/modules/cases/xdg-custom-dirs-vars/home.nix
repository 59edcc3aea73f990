{ ... }: {
  xdg.enable = true;
  xdg.configHome = "/home/hm-user/etc";
  xdg.cacheHome = "/tmp/hm-user-cache";
}
