true -> false || true && !false
