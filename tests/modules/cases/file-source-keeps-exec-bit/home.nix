{ ... }: { home.file."bin/run".source = ./src/run; }
