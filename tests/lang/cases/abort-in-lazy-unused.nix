let a = abort "never"; in "fine"
