{ ... }: { home.file.".vimrc".source = ./src/vimrc; }
