toString "s"
