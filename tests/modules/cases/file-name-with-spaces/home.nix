{ ... }: { home.file."Documents/My Notes.txt".text = "notes\n"; }
