let x = builtins.trace "evaluated once" 1; in x + x
