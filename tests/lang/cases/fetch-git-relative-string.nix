# A relative string is not a path to fetchGit in 2.8: it becomes the URL file://./repo.
builtins.fetchGit "./repo"
