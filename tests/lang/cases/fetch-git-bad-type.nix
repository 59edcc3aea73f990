builtins.fetchGit { url = "/nonexistent/repo"; shallow = [ true ]; }
