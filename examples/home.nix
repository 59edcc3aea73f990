# An example hearth configuration, in Home Manager's format.
# scripts/quickstart switches to it in a throwaway HOME.
{ config, pkgs, lib, ... }:

{
  home.username = "demo";
  home.homeDirectory = builtins.getEnv "HOME";
  home.stateVersion = "25.05";

  home.sessionVariables = {
    EDITOR = "vi";
    PAGER = "less -R";
  };
  home.sessionPath = [ "$HOME/.local/bin" ];

  home.file.".gitconfig".text = ''
    [user]
      name = Demo User
      email = demo@example.org
  '';

  # Git also reads ~/.config/git/config, which Home Manager's programs.git writes (and the
  # machine's git goes into home.packages).
  programs.git = {
    enable = true;
    settings = {
      alias.st = "status";
      init.defaultBranch = "main";
    };
    ignores = [ "*.swp" ];
  };

  home.file.".local/bin/hello" = {
    text = ''
      #!/bin/sh
      echo "hello from hearth"
    '';
    executable = true;
  };

  xdg.enable = true;
  xdg.configFile."hearth-demo/settings.ini".text = lib.generators.toINI { } {
    general = {
      theme = "dark";
      lines = 42;
    };
  };

  programs.home-manager.enable = true;
}
