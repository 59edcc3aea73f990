"abc$"
