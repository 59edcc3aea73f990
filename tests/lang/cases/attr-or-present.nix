{ b = 1; }.b or 5
