builtins.fetchTarball { name = "x"; }
