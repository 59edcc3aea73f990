# fetchGit checks its attributes before touching the repository.
builtins.fetchGit { url = "/nonexistent/repo"; branch = "main"; }
