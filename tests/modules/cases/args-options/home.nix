{ options, ... }: { home.file.type.text = options.home.username.type.description; }
