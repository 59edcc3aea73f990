toString (1.0e308 * 10)
