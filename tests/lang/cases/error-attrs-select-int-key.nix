{ a = 1; }.${toString 1}
