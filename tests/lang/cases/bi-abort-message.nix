abort "bye"
