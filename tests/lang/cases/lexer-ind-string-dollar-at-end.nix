''abc$''
