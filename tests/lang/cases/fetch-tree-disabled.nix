# fetchTree is experimental in Nix 2.8 and off by default.
builtins.fetchTree { type = "git"; url = "/nonexistent/repo"; }
