1 or 2
