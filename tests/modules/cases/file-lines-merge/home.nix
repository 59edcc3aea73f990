{ ... }: {
  imports = [ ({ ... }: { home.file.".bashrc".text = "alias ll='ls -l'"; }) ];
  home.file.".bashrc".text = "export EDITOR=vi";
}
