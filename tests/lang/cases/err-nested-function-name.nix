let outer = x: inner x; inner = y: y + "s"; in outer 1
