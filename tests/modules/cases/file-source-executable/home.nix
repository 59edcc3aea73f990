{ ... }: { home.file."bin/tool" = { source = ./src/tool.sh; executable = true; }; }
