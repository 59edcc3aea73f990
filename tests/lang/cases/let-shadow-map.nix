let map = 5; in map
