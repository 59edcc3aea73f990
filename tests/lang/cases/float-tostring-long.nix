# toString of a float is "%f": big floats have hundreds of digits.
[ (toString 1.0e60) (toString 1.0e100) (toString (-1.0e308)) ("${toString 1.5e200}") ]
