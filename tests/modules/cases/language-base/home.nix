{ ... }: { home.language.base = "en_US.UTF-8"; }
