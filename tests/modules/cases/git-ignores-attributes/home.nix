# programs.git.ignores and .attributes: $XDG_CONFIG_HOME/git/ignore and git/attributes, one
# entry per line; with nothing else set the config file is empty (state version 25.05 has no
# signing format by default).
{
  programs.git = {
    enable = true;
    ignores = [ "*~" "*.swp" ];
    attributes = [ "*.pdf diff=pdf" ];
  };
  xdg.configHome = "/home/hm-user/cfg";
}
