# fetchGit refuses a ref git could not have, before running git.
builtins.fetchGit { url = "/nonexistent/repo"; ref = "feature..x"; }
