{ ... }: { home.file.".config/nvim".source = ./src/nvim; }
