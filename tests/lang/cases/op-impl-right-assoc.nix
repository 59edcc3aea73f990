false -> false -> false
