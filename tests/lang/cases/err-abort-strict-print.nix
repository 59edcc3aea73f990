{ a = abort "printed"; }
