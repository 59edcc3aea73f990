{ ... }: { home.username = 3; }
