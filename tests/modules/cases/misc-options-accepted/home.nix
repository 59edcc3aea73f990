{ ... }: {
  programs.home-manager.enable = true;
  manual.manpages.enable = false;
  nixpkgs.config = { allowUnfree = true; };
  nixpkgs.overlays = [ (final: prev: { }) ];
  home.enableNixpkgsReleaseCheck = false;
  home.keyboard = null;
  news.display = "silent";
}
