{ ... }: {
  home.file.".inputrc".text = ''
    set editing-mode vi
    set bell-style none
  '';
}
