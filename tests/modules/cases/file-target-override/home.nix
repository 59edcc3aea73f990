{ ... }: {
  home.file.gitconfig = { target = ".config/git/config"; text = "x\n"; };
}
