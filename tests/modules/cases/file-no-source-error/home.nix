{ ... }: { home.file.".nothing" = { executable = true; }; }
