{ a = 1; pos = __curPos; }.pos
