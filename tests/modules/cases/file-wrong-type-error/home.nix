{ ... }: { home.file.".x".executable = "yes"; }
