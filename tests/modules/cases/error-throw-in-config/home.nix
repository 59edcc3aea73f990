{ ... }: { home.file.broken.text = throw "this file cannot be made"; }
