builtins.fetchGit { url = "/nonexistent/repo"; rev = "1234"; }
