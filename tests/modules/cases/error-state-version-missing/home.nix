{ ... }: {
  home.username = "hm-user";
  home.homeDirectory = "/home/hm-user";
}
