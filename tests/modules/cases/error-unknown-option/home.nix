{ ... }: { home.nonexistent = true; }
