{ greeting, ... }: { home.file.greeting.text = greeting; }
