[ (toString 0.1) (toString 1.0e20) (toString 3.0) (toString (1.0 / 3)) ]
