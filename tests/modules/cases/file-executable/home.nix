{ ... }: {
  home.file."bin/hello" = { text = "#!/bin/sh\necho hello\n"; executable = true; };
}
