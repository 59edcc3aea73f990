builtins.fetchurl { url = "file:///nonexistent/f"; hash = "sha256-AAAA"; }
