{ ... }: {
  home.file."bin/notes" = { text = "#!/bin/sh\n"; executable = false; };
}
