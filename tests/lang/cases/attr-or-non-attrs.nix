(1).a or "d"
