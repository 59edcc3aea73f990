{ ... }: { home.file.".emacs.d" = { source = ./src/emacs; recursive = true; }; }
