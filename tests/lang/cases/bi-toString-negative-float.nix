toString (-2.5)
