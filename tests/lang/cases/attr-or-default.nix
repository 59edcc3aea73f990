{ a = 1; }.b or 5
