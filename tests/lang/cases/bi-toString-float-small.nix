toString 0.000001
