# The project brief's example configuration (its mpd service left out: mpd is not installed):
# a hand-written ~/.gitconfig next to programs.git, which writes ~/.config/git/config.
{ config, pkgs, lib, ... }: {
  home.file.".gitconfig".text = ''
    [user]
    	name = Jane Doe
  '';
  programs.git.enable = true;
}
